using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Tests.Checkpoints;

/// <summary>
/// Format 1 (files beside the manifest), as the flat-folder store wrote it: <c>Fixtures/checkpoint-v1</c> is a
/// Plans.Tiny run with seed 5 and weight averaging 0.9, saved mid-epoch at step 30.
/// </summary>
public sealed class LegacyCheckpointTests
{
    private const int SavedStep = 30;

    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "checkpoint-v1");

    [Fact]
    public void AFormat1Checkpoint_LoadsForTrainingAndForGeneration()
    {
        using var temp = new TempDirectory();
        var directory = CopyFixture(temp);

        var loaded = new CheckpointStore(directory).Load();
        loaded.Model.Dispose();
        var inference = new CheckpointStore(directory).LoadForInference();

        Assert.Equal(SavedStep, loaded.Manifest.Step);
        Assert.Equal(SavedStep, inference.Manifest.Step);
        Assert.Equal(33, inference.Vocabulary.Count);
    }

    [Fact]
    public void AFormat1Checkpoint_ResumesExactlyWhereAStraightRunGoes()
    {
        using var temp = new TempDirectory();
        var directory = CopyFixture(temp);
        var straight = Averaged(Plans.Tiny(temp.Combine("straight"), maxSteps: 2 * SavedStep, seed: 5));
        using (var trainer = Trainer.Start(straight))
        {
            trainer.Run(null, CancellationToken.None);
        }

        var expected = new CheckpointStore(temp.Combine("straight")).LoadForInference().Manifest.LossHistory;
        var plan = Averaged(Plans.Tiny(directory, maxSteps: 2 * SavedStep, seed: 5));
        var checkpoint = plan.Checkpoints.Load();
        using var resumed = Trainer.Resume(plan with { Corpus = plan.Corpus with { Vocabulary = checkpoint.Vocabulary } }, checkpoint);
        resumed.Run(null, CancellationToken.None);

        Assert.Equal(2 * SavedStep, resumed.LossHistory.Count);
        Assert.Equal(expected[SavedStep].Loss, resumed.LossHistory[SavedStep].Loss, 4);
        Assert.Equal(expected[^1].Loss, resumed.LossHistory[^1].Loss, 4);
    }

    [Fact]
    public void AFormat1CheckpointWithoutItsCarriedState_IsRefused_NotResumedFromZero()
    {
        using var temp = new TempDirectory();
        var directory = CopyFixture(temp);
        File.Delete(Path.Combine(directory, "lstm-state.bin"));
        var plan = Averaged(Plans.Tiny(directory, maxSteps: 2 * SavedStep, seed: 5));
        var checkpoint = plan.Checkpoints.Load();

        var error = Assert.Throws<CheckpointException>(() => Trainer.Resume(plan with { Corpus = plan.Corpus with { Vocabulary = checkpoint.Vocabulary } }, checkpoint));

        Assert.Contains("lstm-state.bin is missing", error.Message);
    }

    [Fact]
    public void SavingOverAFormat1Checkpoint_KeepsItsFilesForOneSave_ThenRemovesThemAndNothingElse()
    {
        // Given a format-1 folder with a file of the user's
        using var temp = new TempDirectory();
        var directory = CopyFixture(temp);
        File.WriteAllText(Path.Combine(directory, "readme.txt"), "mine");

        // When one save replaces it, the flat files stay for readers still on them
        Train(Averaged(Plans.Tiny(directory, maxSteps: 2, seed: 5)), saveEvery: 1000);
        Assert.Equal(".", SavedCheckpoint.Manifest(directory)["data"]!["previous"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(directory, "model.bin")));

        // And the next save removes them, leaving the user's file
        Train(Averaged(Plans.Tiny(directory, maxSteps: 2, seed: 6)), saveEvery: 1000);
        var entries = SavedCheckpoint.Entries(directory);
        Assert.DoesNotContain("model.bin", entries);
        Assert.DoesNotContain("lstm-state.bin", entries);
        Assert.Contains("readme.txt", entries);
        Assert.Equal(2, entries.Count(name => name.StartsWith("step-", StringComparison.Ordinal)));
    }

    private static void Train(TrainingPlan plan, int saveEvery)
    {
        using var trainer = Trainer.Start(plan with { SaveEvery = saveEvery });
        Assert.Null(trainer.Run(null, CancellationToken.None).SaveProblem);
    }

    private static TrainingPlan Averaged(TrainingPlan plan) =>
        plan with { Settings = plan.Settings with { WeightAveraging = 0.9 } };

    private static string CopyFixture(TempDirectory temp)
    {
        var directory = temp.Combine("v1");
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(Fixture))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return directory;
    }
}
