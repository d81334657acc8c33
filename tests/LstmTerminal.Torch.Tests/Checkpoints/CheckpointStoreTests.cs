using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Model;
using LstmTerminal.Torch.Training;
using static TorchSharp.torch;

namespace LstmTerminal.Torch.Tests.Checkpoints;

/// <summary>
/// Saving a run and loading it into a TorchSharp model. Load opens the checkpoint with Core's libtorch-free reader,
/// whose refusals (format, manifest, vocabulary, special files) are tested there.
/// </summary>
public sealed class CheckpointStoreTests
{
    [Fact]
    public void Save_WritesTheManifestAndADataFolderWithWeightsOptimiserAndVocabulary()
    {
        // Given a run saved at step 12
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 12);

        // When the folder is listed
        var entries = SavedCheckpoint.Entries(temp.Combine("ckpt"));
        var data = SavedCheckpoint.Entries(SavedCheckpoint.DataFolder(temp.Combine("ckpt")));

        // Then it holds the manifest, the lock, the run's metrics and one data folder with the four files, and loads
        Assert.Equal(["checkpoint.json", "checkpoint.lock", "metrics.csv"], entries[..3]);
        Assert.Matches("^step-12-[0-9a-f]{12}$", Assert.Single(entries[3..]));
        Assert.Equal(["lstm-state.bin", "model.bin", "optimizer.bin", "vocab.json"], data);
        Assert.Single(Directory.GetDirectories(temp.Path));
        var loaded = new CheckpointStore(temp.Combine("ckpt")).Load(TokenizerPlugins.Catalog);
        using var model = loaded.Model;
        Assert.Equal(12, loaded.Manifest.Step);
        Assert.Equal(7, loaded.Manifest.Training.Seed);
    }

    [Fact]
    public void Load_RefusesTruncatedWeights_WithTheReason()
    {
        // Given a checkpoint whose model.bin lost its second half (and whose manifest says so)
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        var weights = SavedCheckpoint.File(directory, "model.bin");
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(bytes.Length / 2)]);
        SavedCheckpoint.Reseal(directory);

        // When it is loaded for training
        var error = Assert.Throws<CheckpointException>(() => new CheckpointStore(directory).Load(TokenizerPlugins.Catalog));

        // Then the error names the file and says it is truncated
        Assert.Contains("model.bin", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Load_ExplainsAMissingCheckpoint()
    {
        // Given a folder without a checkpoint
        using var temp = new TempDirectory();

        // When it is loaded
        var error = Assert.Throws<CheckpointException>(() => new CheckpointStore(temp.Combine("none")).Load(TokenizerPlugins.Catalog));

        // Then the error says so, as a missing checkpoint
        Assert.Contains("No checkpoint", error.Message);
        Assert.Equal(CheckpointProblem.Missing, error.Problem);
    }

    [Fact]
    public void Load_GivesTheWeightsTheReaderForGenerationGives()
    {
        // Given a saved run
        using var temp = new TempDirectory();
        TrainAndSave(temp.Combine("ckpt"), steps: 3);

        // When it is read for generation and loaded for training
        var managed = new CheckpointReader(temp.Combine("ckpt")).LoadForInference(TokenizerPlugins.Catalog);
        var loaded = new CheckpointStore(temp.Combine("ckpt")).Load(TokenizerPlugins.Catalog);
        using var model = loaded.Model;
        var exported = model.ExportWeights();

        // Then both hold the same manifest, vocabulary and weights
        Assert.Equal(loaded.Manifest.Step, managed.Manifest.Step);
        Assert.Equal(loaded.Vocabulary.Save(), managed.Vocabulary.Save());
        Assert.Equal(exported.Shape, managed.Weights.Shape);
        Assert.Equal(exported.Embedding, managed.Weights.Embedding);
        Assert.Equal(exported.Layers.Single().InputWeights, managed.Weights.Layers.Single().InputWeights);
        Assert.Equal(exported.Layers.Single().HiddenWeights, managed.Weights.Layers.Single().HiddenWeights);
        Assert.Equal(exported.Layers.Single().Bias, managed.Weights.Layers.Single().Bias);
        Assert.Equal(exported.Output, managed.Weights.Output);
        Assert.Equal(exported.OutputBias, managed.Weights.OutputBias);
    }

    [Fact]
    public void Save_RecordsADivergedValidation_AndReadsItBack()
    {
        // Given a manifest whose last validation overflowed (JSON has no number for infinity)
        using var temp = new TempDirectory();
        var plan = Plans.Tiny(temp.Combine("ckpt"));
        using var model = new LstmLanguageModel(plan.Shape);
        using var optimizer = optim.Adam(model.parameters());
        var manifest = new CheckpointManifest
        {
            Step = 2,
            Epoch = 1,
            StepInEpoch = 0,
            Model = plan.Shape,
            Training = plan.Settings,
            Corpus = "tiny",
            LossHistory = [new LossPoint(1, 3.5), new LossPoint(2, 3.4)],
            ValidationHistory = [new ValidationPoint { Step = 2, Epoch = 1, Loss = 800, Perplexity = double.PositiveInfinity }],
        };

        // When it is saved and read back
        plan.Checkpoints.Save(manifest, plan.Corpus.Vocabulary, model, optimizer, carriedState: null);
        var loaded = new CheckpointReader(temp.Combine("ckpt")).LoadForInference(TokenizerPlugins.Catalog);

        // Then the validation is there as it was
        Assert.Equal(double.PositiveInfinity, Assert.Single(loaded.Manifest.ValidationHistory).Perplexity);
    }

    [Theory]
    [InlineData("words")]
    [InlineData("characters")]
    [InlineData("subwords")]
    public void SaveAndLoad_KeepTheTokenizerAndItsVocabulary_AtEveryLevel(string tokenizer)
    {
        // Given a run trained and saved at a token level
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        var vocabulary = TokenizerPlugins.Learn(tokenizer, TinyCorpus.Corpus().Text);
        using (var trainer = Trainer.Start(Plans.Tiny(directory, maxSteps: 2, vocabulary: vocabulary)))
        {
            trainer.Run(null, CancellationToken.None);
        }

        // When it is loaded for training and read for generation
        var loaded = new CheckpointStore(directory).Load(TokenizerPlugins.Catalog);
        using var model = loaded.Model;
        var managed = new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog);

        // Then both name the tokenizer and read any text into the ids the learned vocabulary gives it
        const string text = "ROMEO:\r\nThou art more, 😀 日本 e\u0301!";
        Assert.Equal(tokenizer, loaded.Manifest.Tokenizer);
        Assert.Equal(vocabulary.Save(), loaded.Vocabulary.Save());
        Assert.Equal(vocabulary.Encode(text).Ids, loaded.Vocabulary.Encode(text).Ids);
        Assert.Equal(vocabulary.Encode(text).Ids, managed.Vocabulary.Encode(text).Ids);
        Assert.Equal(vocabulary.Count, managed.Weights.Shape.VocabularySize);
    }

    private static void TrainAndSave(string directory, int steps)
    {
        using var trainer = Trainer.Start(Plans.Tiny(directory, maxSteps: steps));
        trainer.Run(null, CancellationToken.None);
    }
}
