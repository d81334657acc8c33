using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Tests.Checkpoints;

public sealed class CheckpointStoreTests
{
    [Fact]
    public void Save_WritesTheManifestAndADataFolderWithWeightsOptimiserAndVocabulary()
    {
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 12);

        var entries = SavedCheckpoint.Entries(temp.Combine("ckpt"));
        var data = SavedCheckpoint.Entries(SavedCheckpoint.DataFolder(temp.Combine("ckpt")));

        Assert.Equal(["checkpoint.json", "checkpoint.lock"], entries[..2]);
        Assert.Matches("^step-12-[0-9a-f]{12}$", Assert.Single(entries[2..]));
        Assert.Equal(["lstm-state.bin", "model.bin", "optimizer.bin", "vocab.json"], data);
        Assert.Single(Directory.GetDirectories(temp.Path));
        var loaded = new CheckpointStore(temp.Combine("ckpt")).Load();
        using var model = loaded.Model;
        Assert.Equal(12, loaded.Manifest.Step);
        Assert.Equal(7, loaded.Manifest.Training.Seed);
    }

    [Theory]
    [InlineData(Loader.Torch)]
    [InlineData(Loader.Managed)]
    public void Load_RefusesTruncatedWeights_WithTheReason(Loader loader)
    {
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 2);
        var weights = SavedCheckpoint.File(temp.Combine("ckpt"), "model.bin");
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<CheckpointException>(() => Load(temp.Combine("ckpt"), loader));
        Assert.Contains("model.bin", error.Message);
    }

    [Theory]
    [InlineData(Loader.Torch)]
    [InlineData(Loader.Managed)]
    public void Load_RefusesAFutureFormatVersion(Loader loader)
    {
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 2);
        var manifest = temp.Combine(Path.Combine("ckpt", "checkpoint.json"));
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"formatVersion\": 2", "\"formatVersion\": 99"));

        var error = Assert.Throws<CheckpointException>(() => Load(temp.Combine("ckpt"), loader));
        Assert.Contains("format version 99", error.Message);
    }

    [Theory]
    [InlineData(Loader.Torch)]
    [InlineData(Loader.Managed)]
    public void Load_RefusesAVocabularyThatDoesNotMatchTheModel(Loader loader)
    {
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 2);
        File.WriteAllText(SavedCheckpoint.File(temp.Combine("ckpt"), "vocab.json"), "{\"formatVersion\":1,\"words\":[\"a\",\"b\"]}");
        SavedCheckpoint.Reseal(temp.Combine("ckpt"));

        var error = Assert.Throws<CheckpointException>(() => Load(temp.Combine("ckpt"), loader));
        Assert.Contains("inconsistent", error.Message);
    }

    [Theory]
    [InlineData(Loader.Torch)]
    [InlineData(Loader.Managed)]
    public void Load_ExplainsAMissingCheckpoint(Loader loader)
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<CheckpointException>(() => Load(temp.Combine("none"), loader));
        Assert.Contains("No checkpoint", error.Message);
    }

    [Fact]
    public void LoadForInference_GivesTheWeightsOfTheTorchModel()
    {
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 3);
        var store = new CheckpointStore(temp.Combine("ckpt"));

        var managed = store.LoadForInference();
        var loaded = store.Load();
        using var model = loaded.Model;
        var exported = model.ExportWeights();

        Assert.Equal(loaded.Manifest.Step, managed.Manifest.Step);
        Assert.Equal(loaded.Vocabulary.KnownWords, managed.Vocabulary.KnownWords);
        Assert.Equal(exported.Shape, managed.Weights.Shape);
        Assert.Equal(exported.Embedding, managed.Weights.Embedding);
        Assert.Equal(exported.Layers.Single().InputWeights, managed.Weights.Layers.Single().InputWeights);
        Assert.Equal(exported.Layers.Single().HiddenWeights, managed.Weights.Layers.Single().HiddenWeights);
        Assert.Equal(exported.Layers.Single().Bias, managed.Weights.Layers.Single().Bias);
        Assert.Equal(exported.Output, managed.Weights.Output);
        Assert.Equal(exported.OutputBias, managed.Weights.OutputBias);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(-1)]
    public void LoadForInference_RefusesTruncatedWeights_AsTruncated(int keptBytes)
    {
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 2);
        var weights = SavedCheckpoint.File(temp.Combine("ckpt"), "model.bin");
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(keptBytes >= 0 ? keptBytes : bytes.Length + keptBytes)]);
        SavedCheckpoint.Reseal(temp.Combine("ckpt"));

        var error = Assert.Throws<CheckpointException>(() => new CheckpointStore(temp.Combine("ckpt")).LoadForInference());

        Assert.Contains("model.bin", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Theory]
    [InlineData("name", "a tensor 'xxxxxxxxxxxxxxxxx'")]
    [InlineData("count", "255 tensors")]
    [InlineData("type", "element type 7")]
    [InlineData("trailing", "4 bytes follow the last tensor")]
    [InlineData("noise", "model.bin")]
    public void LoadForInference_RefusesGarbledWeights_WithTheReason(string damage, string reason)
    {
        // Given model.bin with one kind of damage (the file starts: count, name length, "_embedding.weight", type)
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 2);
        var weights = SavedCheckpoint.File(temp.Combine("ckpt"), "model.bin");
        var bytes = File.ReadAllBytes(weights);
        switch (damage)
        {
            case "name":
                bytes.AsSpan(2, 17).Fill((byte)'x');
                break;
            case "count":
                bytes[0] = 0xff;
                bytes[1] = 0x01;
                break;
            case "type":
                bytes[19] = 7;
                break;
            case "trailing":
                bytes = [.. bytes, 1, 2, 3, 4];
                break;
            default:
                new Random(5).NextBytes(bytes);
                break;
        }

        File.WriteAllBytes(weights, bytes);
        SavedCheckpoint.Reseal(temp.Combine("ckpt"));

        // When it is read for generation, then the error names the file and the reason
        var error = Assert.Throws<CheckpointException>(() => new CheckpointStore(temp.Combine("ckpt")).LoadForInference());
        Assert.Contains("model.bin", error.Message);
        Assert.Contains(reason, error.Message);
    }

    /// <summary>The two ways to read a checkpoint: into a TorchSharp model (training, eval), or into plain arrays (generate).</summary>
    public enum Loader
    {
        Torch,
        Managed,
    }

    private static void Load(string directory, Loader loader)
    {
        var store = new CheckpointStore(directory);
        if (loader == Loader.Torch)
        {
            store.Load().Model.Dispose();
        }
        else
        {
            store.LoadForInference();
        }
    }

    private static void TrainAndSave(string directory, int steps)
    {
        using var trainer = Trainer.Start(Plans.Tiny(directory, maxSteps: steps));
        trainer.Run(null, CancellationToken.None);
    }
}
