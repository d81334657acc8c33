using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Model;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Model;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Checkpoints;

/// <summary>model.bin written from a TorchSharp model under the format's names, read back by the libtorch-free reader.</summary>
public sealed class ModelWeightsFileTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(1, true)]
    public void Read_GivesExactlyTheWeightsTorchSharpExports(int layers, bool tied)
    {
        // Given a model written to a file, with embedding and hidden sizes that differ (unless tied, which needs them
        // equal and stores the shared matrix under both names) so no two tensors look alike
        using var temp = new TempDirectory();
        var shape = new ModelShape
        {
            VocabularySize = 29,
            EmbeddingSize = tied ? 10 : 6,
            RnnSize = 10,
            Layers = layers,
            Dropout = 0,
            TiedEmbeddings = tied,
            EmbeddingDropout = 0.2,
        };
        using var model = SeededRandom.Draw(3, () => new LstmLanguageModel(shape));
        var path = temp.Combine("model.bin");
        ModelWeightsFile.Write(model, path);

        // When the managed reader reads the file
        var read = WeightsFile.Read(path, shape);

        // Then every array equals libtorch's own export, bit for bit
        var exported = model.ExportWeights();
        Assert.Equal(exported.Embedding, read.Embedding);
        Assert.Equal(exported.Output, read.Output);
        Assert.Equal(exported.OutputBias, read.OutputBias);
        Assert.Equal(layers, read.Layers.Count);
        for (var layer = 0; layer < layers; layer++)
        {
            Assert.Equal(exported.Layers[layer].InputSize, read.Layers[layer].InputSize);
            Assert.Equal(exported.Layers[layer].InputWeights, read.Layers[layer].InputWeights);
            Assert.Equal(exported.Layers[layer].HiddenWeights, read.Layers[layer].HiddenWeights);
            Assert.Equal(exported.Layers[layer].Bias, read.Layers[layer].Bias);
        }
    }

    [Fact]
    public void Write_ReproducesTheBytesAnEarlierBuildWrote()
    {
        // Given the weights of a checkpoint an earlier build saved (with TorchSharp's Module.save and the field names of the time)
        using var temp = new TempDirectory();
        var saved = Path.Combine(CheckpointFixtures.PathOf(CheckpointFixtures.Format1), "model.bin");
        var loaded = new CheckpointStore(CheckpointFixtures.Copy(CheckpointFixtures.Format1, temp)).Load(TokenizerPlugins.Catalog);
        using var model = loaded.Model;

        // When this build writes them again
        var path = temp.Combine("model.bin");
        ModelWeightsFile.Write(model, path);

        // Then the file is the same, byte for byte
        Assert.Equal(File.ReadAllBytes(saved), File.ReadAllBytes(path));
    }

    [Fact]
    public void Load_RefusesTheWeightsOfAnotherShape_NamingTheTensor()
    {
        // Given the weights of a 10-unit model, and a 12-unit one
        using var temp = new TempDirectory();
        var shape = new ModelShape { VocabularySize = 29, EmbeddingSize = 6, RnnSize = 10, Layers = 1, Dropout = 0 };
        using var saved = SeededRandom.Draw(1, () => new LstmLanguageModel(shape));
        var path = temp.Combine("model.bin");
        ModelWeightsFile.Write(saved, path);
        using var other = SeededRandom.Draw(1, () => new LstmLanguageModel(shape with { RnnSize = 12 }));

        // When the file is loaded into the larger model
        var error = Assert.Throws<InvalidDataException>(() => ModelWeightsFile.Load(other, path));

        // Then the error names the first tensor that does not fit
        Assert.Contains("[40, 6] where the model has [48, 6]", error.Message);
    }
}
