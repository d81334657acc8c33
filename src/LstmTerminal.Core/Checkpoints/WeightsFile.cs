using System.Numerics.Tensors;
using LstmTerminal.Core.Model;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// Reads <c>model.bin</c>, as <c>LstmLanguageModel.save</c> writes it, straight into <see cref="ModelWeights"/>:
/// generation needs plain arrays only, and loading libtorch to read them would cost most of a <c>generate</c> run.
/// The file is a count, then per tensor its name, element type, rank, sizes and data.
/// </summary>
internal static class WeightsFile
{
    /// <exception cref="InvalidDataException">The file is truncated, garbled or holds another model's tensors; the message says which.</exception>
    public static ModelWeights Read(string path, ModelShape shape)
    {
        var tensors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        Walk(path, shape, (reader, name, count) => tensors[name] = reader.ReadFloats(count));
        return Assemble(shape, tensors);
    }

    /// <summary>
    /// Checks that the file holds exactly the tensors of <paramref name="shape"/> at their sizes, without reading their
    /// values: libtorch, which loads them next, fails on a mismatch only after allocating the model it describes.
    /// </summary>
    /// <exception cref="InvalidDataException">As <see cref="Read"/>.</exception>
    public static void Check(string path, ModelShape shape) =>
        Walk(path, shape, (reader, _, count) => reader.SkipFloats(count));

    private static void Walk(string path, ModelShape shape, Action<SavedTensorReader, string, long> data)
    {
        var expected = ExpectedSizes(shape);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        SavedTensorReader.ReadFile(path, reader =>
        {
            var count = reader.ReadNumber();
            if (count != expected.Count)
            {
                throw new InvalidDataException($"it holds {count} tensors where the model has {expected.Count}");
            }

            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadName();
                if (!expected.TryGetValue(name, out var sizes))
                {
                    throw new InvalidDataException($"it holds a tensor '{name}' that the model does not have");
                }

                if (!seen.Add(name))
                {
                    throw new InvalidDataException($"it holds the tensor '{name}' twice");
                }

                data(reader, name, reader.ReadFloatHeader(name, sizes));
            }

            return count;
        });
    }

    /// <summary>The state-dictionary names and sizes of <c>LstmLanguageModel</c>: its fields' names, then the modules' own.</summary>
    private static Dictionary<string, long[]> ExpectedSizes(ModelShape shape)
    {
        var gates = 4L * shape.RnnSize;
        var sizes = new Dictionary<string, long[]>(StringComparer.Ordinal)
        {
            ["_embedding.weight"] = [shape.VocabularySize, shape.EmbeddingSize],
            ["_output.weight"] = [shape.VocabularySize, shape.RnnSize],
            ["_output.bias"] = [shape.VocabularySize],
        };
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            sizes[$"_lstm.weight_ih_l{layer}"] = [gates, layer == 0 ? shape.EmbeddingSize : shape.RnnSize];
            sizes[$"_lstm.weight_hh_l{layer}"] = [gates, shape.RnnSize];
            sizes[$"_lstm.bias_ih_l{layer}"] = [gates];
            sizes[$"_lstm.bias_hh_l{layer}"] = [gates];
        }

        return sizes;
    }

    private static ModelWeights Assemble(ModelShape shape, Dictionary<string, float[]> tensors)
    {
        var layers = new List<LstmLayerWeights>(shape.Layers);
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            // Summed once here, as ExportWeights does, since inference only ever adds the two.
            var bias = tensors[$"_lstm.bias_ih_l{layer}"];
            TensorPrimitives.Add(bias, tensors[$"_lstm.bias_hh_l{layer}"], bias);
            layers.Add(new LstmLayerWeights(
                layer == 0 ? shape.EmbeddingSize : shape.RnnSize,
                tensors[$"_lstm.weight_ih_l{layer}"],
                tensors[$"_lstm.weight_hh_l{layer}"],
                bias));
        }

        return new ModelWeights(shape, tensors["_embedding.weight"], layers, tensors["_output.weight"], tensors["_output.bias"]);
    }
}
