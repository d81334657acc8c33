using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Model;

namespace LstmTerminal.Core.Tests.Checkpoints;

/// <summary>model.bin as earlier builds wrote it (the fixtures), read with the format's own names.</summary>
public sealed class WeightsFileTests
{
    private static string FixtureWeights => Path.Combine(CheckpointFixtures.PathOf(CheckpointFixtures.Format1), "model.bin");

    private static ModelShape FixtureShape => new() { VocabularySize = 33, EmbeddingSize = 16, RnnSize = 24, Layers = 1, Dropout = 0 };

    [Fact]
    public void ReadTensors_FindsEveryNameOfTheFormat_InTheOrderAnEarlierBuildWroteThem()
    {
        // Given model.bin of an earlier build, whose names came from the model's fields of the time
        var names = SavedTensorReader.ReadFile(FixtureWeights, reader =>
        {
            var names = new List<string>();
            for (var count = reader.ReadNumber(); count > 0; count--)
            {
                names.Add(reader.ReadName());
                reader.ReadNumber();
                var elements = 1L;
                for (var rank = reader.ReadNumber(); rank > 0; rank--)
                {
                    elements *= reader.ReadNumber();
                }

                reader.SkipFloats(elements);
            }

            return names;
        });

        // Then the format's names are those, in that order, and the reader finds them all
        Assert.Equal(WeightNames.Of(FixtureShape).Select(tensor => tensor.Name), names);
        Assert.Equal(names.Order(), WeightsFile.ReadTensors(FixtureWeights, FixtureShape).Keys.Order());
    }

    [Fact]
    public void Read_RefusesTheWeightsOfAnotherShape_NamingTheTensor()
    {
        // When a 24-unit model's weights are read as a 28-unit model's
        var error = Assert.Throws<InvalidDataException>(() => WeightsFile.Read(FixtureWeights, FixtureShape with { RnnSize = 28 }));

        // Then the error names the first tensor that does not fit
        Assert.Contains("the tensor '_lstm.weight_ih_l0' is [96, 16] where the model has [112, 16]", error.Message);
    }

    [Fact]
    public void ToModelWeights_SumsTheTwoBiasesOfALayer()
    {
        // Given the tensors of a file
        var tensors = WeightsFile.ReadTensors(FixtureWeights, FixtureShape);
        var expected = tensors[WeightNames.LstmInputBias(0)].Zip(tensors[WeightNames.LstmHiddenBias(0)], (input, hidden) => input + hidden).ToArray();

        // When they are arranged for inference
        var weights = WeightsFile.ToModelWeights(FixtureShape, tensors);

        // Then each layer holds the sum of its two biases
        Assert.Equal(expected, weights.Layers.Single().Bias);
    }

    [Fact]
    public void ReadFloats_RefusesACountWhoseByteLengthWouldWrap()
    {
        // Given a reader of 16 bytes, asked for 2^62 floats: 2^64 bytes, which wraps to 0 in a long
        using var stream = new MemoryStream(new byte[16]);
        var reader = new SavedTensorReader(stream);

        Assert.Throws<EndOfStreamException>(() => reader.ReadFloats(1L << 62));
    }
}
