using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Checkpoints;

/// <summary>
/// Checkpoints written by earlier builds (<c>tests/Fixtures</c>): format 1 (files beside the manifest) and format 2 as
/// the store wrote it before the checkpoint split, both a Plans.Tiny run with seed 5 and weight averaging 0.9 saved
/// mid-epoch at step 30. Training goes on from them exactly as it would have.
/// </summary>
public sealed class OldCheckpointTests
{
    private const int SavedStep = CheckpointFixtures.SavedStep;

    [Theory]
    [InlineData(CheckpointFixtures.Format1)]
    [InlineData(CheckpointFixtures.Format2)]
    public void Load_ReadsAnOldCheckpointForTraining(string fixture)
    {
        // Given a checkpoint of each format, as earlier builds wrote them
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(fixture, temp);

        // When it is loaded for training
        var loaded = new CheckpointStore(directory).Load(TokenizerPlugins.Catalog);
        using var model = loaded.Model;

        // Then it stands where it was saved, with the weights generation reads
        Assert.Equal(SavedStep, loaded.Manifest.Step);
        Assert.Equal(SavedStep, loaded.Manifest.StepInEpoch);
        Assert.Equal(33, loaded.Vocabulary.Count);
        Assert.Equal(new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog).Weights.Output, model.ExportWeights().Output);
    }

    [Theory]
    [InlineData(CheckpointFixtures.Format1)]
    [InlineData(CheckpointFixtures.Format2)]
    public void Resume_ContinuesAnOldCheckpoint_ExactlyWhereAStraightRunGoes(string fixture)
    {
        // Given an old checkpoint at step 30, and the run that went straight on to step 60
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(fixture, temp);
        var straight = Averaged(Plans.Tiny(temp.Combine("straight"), maxSteps: 2 * SavedStep, seed: 5));
        using (var trainer = Trainer.Start(straight))
        {
            trainer.Run(null, CancellationToken.None);
        }

        var expected = new CheckpointReader(temp.Combine("straight")).LoadForInference(TokenizerPlugins.Catalog).Manifest.LossHistory;

        // When training resumes the old checkpoint to step 60
        var plan = Averaged(Plans.Tiny(directory, maxSteps: 2 * SavedStep, seed: 5));
        var checkpoint = plan.Checkpoints.Load(TokenizerPlugins.Catalog);
        using var resumed = Trainer.Resume(plan with { Corpus = plan.Corpus with { Vocabulary = checkpoint.Vocabulary } }, checkpoint);
        resumed.Run(null, CancellationToken.None);

        // Then its losses are the straight run's
        Assert.Equal(2 * SavedStep, resumed.LossHistory.Count);
        Assert.Equal(expected[SavedStep].Loss, resumed.LossHistory[SavedStep].Loss, 4);
        Assert.Equal(expected[^1].Loss, resumed.LossHistory[^1].Loss, 4);
    }

    [Fact]
    public void Resume_RefusesAFormat1CheckpointWithoutItsCarriedState_InsteadOfStartingItFromZero()
    {
        // Given a format-1 checkpoint saved mid-epoch whose carried state is gone
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format1, temp);
        File.Delete(Path.Combine(directory, "lstm-state.bin"));
        var plan = Averaged(Plans.Tiny(directory, maxSteps: 2 * SavedStep, seed: 5));
        var checkpoint = plan.Checkpoints.Load(TokenizerPlugins.Catalog);

        // When training resumes it
        var error = Assert.Throws<CheckpointException>(() => Trainer.Resume(plan with { Corpus = plan.Corpus with { Vocabulary = checkpoint.Vocabulary } }, checkpoint));

        // Then it is refused, naming the file
        Assert.Contains("lstm-state.bin is missing", error.Message);
    }

    [Fact]
    public void Save_OverAFormat1Checkpoint_KeepsItsFilesForOneSave_ThenRemovesThemAndNothingElse()
    {
        // Given a format-1 folder with a file of the user's
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format1, temp);
        File.WriteAllText(Path.Combine(directory, "readme.txt"), "mine");

        // When one save replaces it, the flat files stay for readers still on them
        Train(Averaged(Plans.Tiny(directory, maxSteps: 2, seed: 5)));
        Assert.Equal(".", SavedCheckpoint.Manifest(directory)["data"]!["previous"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(directory, "model.bin")));

        // And the next save removes them, leaving the user's file
        Train(Averaged(Plans.Tiny(directory, maxSteps: 2, seed: 6)));
        var entries = SavedCheckpoint.Entries(directory);
        Assert.DoesNotContain("model.bin", entries);
        Assert.DoesNotContain("lstm-state.bin", entries);
        Assert.Contains("readme.txt", entries);
        Assert.Equal(2, entries.Count(name => name.StartsWith("step-", StringComparison.Ordinal)));
    }

    private static void Train(TrainingPlan plan)
    {
        using var trainer = Trainer.Start(plan);
        Assert.Null(trainer.Run(null, CancellationToken.None).SaveProblem);
    }

    private static TrainingPlan Averaged(TrainingPlan plan) =>
        plan with { Settings = plan.Settings with { WeightAveraging = 0.9 } };
}
