using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Tests.Checkpoints;

/// <summary>
/// A checkpoint that cannot continue the run is refused with one line naming the file or the reason, never resumed
/// differently. (What the reader refuses before any tensor is made is tested in Core.)
/// </summary>
public sealed class CheckpointIntegrityTests
{
    [Theory]
    [InlineData("lstm-state.bin", "missing", "lstm-state.bin is missing")]
    [InlineData("optimizer.bin", "truncated", "bytes where the save wrote")]
    [InlineData("model.bin", "altered", "SHA-256")]
    [InlineData("vocab.json", "missing", "vocab.json is missing")]
    public void Resume_RefusesAMissingOrDamagedFile_NamingIt(string file, string damage, string expected)
    {
        // Given a checkpoint saved mid-epoch, with one file damaged
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        TrainAndSave(directory, steps: 5);
        var path = SavedCheckpoint.File(directory, file);
        Damage(path, damage);

        // When training resumes it, then it is refused, naming the file, instead of resuming differently
        var error = Assert.Throws<CheckpointException>(() => Resume(Plans.Tiny(directory, maxSteps: 10)));
        Assert.Contains(expected, error.Message);
        Assert.Contains(file, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Resume_RefusesACarriedStateOfAnotherBatchSize_BeforeLibtorchSeesIt()
    {
        // Given a mid-epoch checkpoint of batch size 4 whose manifest now says 2
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        TrainAndSave(directory, steps: 5);
        SavedCheckpoint.EditManifest(directory, manifest => manifest["training"]!["batchSize"] = 2);
        var plan = Plans.Tiny(directory, maxSteps: 10);

        var error = Assert.Throws<CheckpointException>(() => Resume(plan with { Settings = plan.Settings with { BatchSize = 2 } }));

        Assert.Contains("lstm-state.bin", error.Message);
        Assert.Contains("[1, 4, 24] where the model has [1, 2, 24]", error.Message);
    }

    [Fact]
    public void Resume_RefusesACorpusWhoseEpochIsShorterThanTheCheckpointsPosition()
    {
        // Given a checkpoint after 30 batches of an epoch
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        TrainAndSave(directory, steps: 30);

        // When it is resumed on a corpus with fewer batches per epoch
        var error = Assert.Throws<CheckpointException>(() => Resume(Plans.Tiny(directory, maxSteps: 40, text: TinyCorpus.Corpus(repeats: 5))));

        Assert.Contains("stopped after batch 30 of epoch 1", error.Message);
        Assert.Contains("batches per epoch", error.Message);
        Assert.Equal(CheckpointProblem.CorpusTooShort, error.Problem);
        Assert.Equal("memory", error.TrainedOn);
    }

    private static void Damage(string path, string damage)
    {
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "missing":
                File.Delete(path);
                break;
            case "truncated":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            default:
                bytes[^1] ^= 0x55;
                File.WriteAllBytes(path, bytes);
                break;
        }
    }

    private static void TrainAndSave(string directory, int steps)
    {
        using var trainer = Trainer.Start(Plans.Tiny(directory, maxSteps: steps));
        trainer.Run(null, CancellationToken.None);
    }

    private static void Resume(TrainingPlan plan)
    {
        var checkpoint = plan.Checkpoints.Load(TokenizerPlugins.Catalog);
        using var trainer = Trainer.Resume(plan with { Corpus = plan.Corpus with { Vocabulary = checkpoint.Vocabulary } }, checkpoint);
    }
}
