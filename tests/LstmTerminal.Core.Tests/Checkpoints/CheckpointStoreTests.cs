using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Tests.Support;
using LstmTerminal.Core.Training;

namespace LstmTerminal.Core.Tests.Checkpoints;

public sealed class CheckpointStoreTests
{
    [Fact]
    public void Save_WritesAFolderWithWeightsOptimiserVocabularyAndManifest()
    {
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 12);

        var files = Directory.GetFiles(temp.Combine("ckpt")).Select(Path.GetFileName);

        Assert.Superset(new HashSet<string?> { "model.bin", "optimizer.bin", "vocab.json", "checkpoint.json" }, files.ToHashSet());
        Assert.Single(Directory.GetDirectories(temp.Path));
        var loaded = new CheckpointStore(temp.Combine("ckpt")).Load();
        using var model = loaded.Model;
        Assert.Equal(12, loaded.Manifest.Step);
        Assert.Equal(7, loaded.Manifest.Training.Seed);
    }

    [Fact]
    public void Open_RestoresThePreviousCheckpoint_WhenASaveDiedBetweenItsRenames()
    {
        // Given a save that moved the old folder aside and died before moving the new one in
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 4);
        Directory.Move(temp.Combine("ckpt"), temp.Combine("ckpt.previous-dead"));
        Directory.CreateDirectory(temp.Combine("ckpt.saving-dead"));

        // When the store is opened
        var store = new CheckpointStore(temp.Combine("ckpt"));

        // Then the previous checkpoint is back
        Assert.True(store.Exists);
        using var model = store.Load().Model;
        Assert.False(Directory.Exists(temp.Combine("ckpt.previous-dead")));
    }

    [Fact]
    public void Load_RefusesTruncatedWeights_WithTheReason()
    {
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 2);
        var weights = temp.Combine(Path.Combine("ckpt", "model.bin"));
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<CheckpointException>(() => new CheckpointStore(temp.Combine("ckpt")).Load());
        Assert.Contains("model.bin", error.Message);
    }

    [Fact]
    public void Load_RefusesAFutureFormatVersion()
    {
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 2);
        var manifest = temp.Combine(Path.Combine("ckpt", "checkpoint.json"));
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"formatVersion\": 1", "\"formatVersion\": 99"));

        var error = Assert.Throws<CheckpointException>(() => new CheckpointStore(temp.Combine("ckpt")).Load());
        Assert.Contains("format version 99", error.Message);
    }

    [Fact]
    public void Load_RefusesAVocabularyThatDoesNotMatchTheModel()
    {
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 2);
        File.WriteAllText(temp.Combine(Path.Combine("ckpt", "vocab.json")), "{\"formatVersion\":1,\"words\":[\"a\",\"b\"]}");

        var error = Assert.Throws<CheckpointException>(() => new CheckpointStore(temp.Combine("ckpt")).Load());
        Assert.Contains("inconsistent", error.Message);
    }

    [Fact]
    public void Load_ExplainsAMissingCheckpoint()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<CheckpointException>(() => new CheckpointStore(temp.Combine("none")).Load());
        Assert.Contains("No checkpoint", error.Message);
    }

    private static void TrainAndSave(string directory, int steps)
    {
        using var trainer = Trainer.Start(Plans.Tiny(directory, maxSteps: steps));
        trainer.Run(null, CancellationToken.None);
    }
}
