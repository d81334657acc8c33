using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Training;
using static TorchSharp.torch;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Model;

namespace LstmTerminal.Torch.Tests.Checkpoints;

public sealed class WeightsFileTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(1, true)]
    public void Read_GivesExactlyTheWeightsTorchSharpExports(int layers, bool tied)
    {
        // Given a model saved by TorchSharp, with embedding and hidden sizes that differ (unless tied, which needs them
        // equal and stores the shared matrix under both names) so no two tensors look alike
        using var temp = new TempDirectory();
        var shape = new ModelShape(VocabularySize: 29, EmbeddingSize: tied ? 10 : 6, RnnSize: 10, Layers: layers, Dropout: 0,
            TiedEmbeddings: tied, EmbeddingDropout: 0.2);
        using var model = SeededRandom.Draw(3, () => new LstmLanguageModel(shape));
        var path = temp.Combine("model.bin");
        model.save(path);

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
    public void Read_RefusesTheWeightsOfAnotherShape_NamingTheTensor()
    {
        using var temp = new TempDirectory();
        var saved = new ModelShape(29, 6, 10, 1, 0);
        using var model = SeededRandom.Draw(1, () => new LstmLanguageModel(saved));
        var path = temp.Combine("model.bin");
        model.save(path);

        var error = Assert.Throws<InvalidDataException>(() => WeightsFile.Read(path, saved with { RnnSize = 12 }));

        Assert.Contains("[40, 6] where the model has [48, 6]", error.Message);
    }

    [Fact]
    public void ReadFloats_RefusesACountWhoseByteLengthWouldWrap()
    {
        // 2^62 floats are 2^64 bytes, which wraps to 0 in a long: the check must not be fooled into allocating.
        using var stream = new MemoryStream(new byte[16]);
        var reader = new SavedTensorReader(stream);

        Assert.Throws<EndOfStreamException>(() => reader.ReadFloats(1L << 62));
    }
}
