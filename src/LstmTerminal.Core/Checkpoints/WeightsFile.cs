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
    /// <summary>TorchSharp's <c>ScalarType.Float32</c>.</summary>
    private const long Float32 = 6;

    /// <exception cref="InvalidDataException">The file is truncated, garbled or holds another model's tensors; the message says which.</exception>
    public static ModelWeights Read(string path, ModelShape shape)
    {
        var expected = ExpectedSizes(shape);
        var tensors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        var reader = new SavedTensorReader(stream);
        try
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

                if (tensors.ContainsKey(name))
                {
                    throw new InvalidDataException($"it holds the tensor '{name}' twice");
                }

                tensors[name] = ReadTensor(reader, name, sizes);
            }
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"it ends early, after {stream.Position} bytes (a truncated file)");
        }

        if (!reader.AtEnd)
        {
            throw new InvalidDataException($"{stream.Length - stream.Position} bytes follow the last tensor");
        }

        return Assemble(shape, tensors);
    }

    private static float[] ReadTensor(SavedTensorReader reader, string name, long[] sizes)
    {
        var type = reader.ReadNumber();
        if (type != Float32)
        {
            throw new InvalidDataException($"the tensor '{name}' has element type {type}, not float32 ({Float32})");
        }

        var rank = reader.ReadNumber();
        if (rank != sizes.Length)
        {
            throw new InvalidDataException($"the tensor '{name}' has {rank} dimensions where the model has {sizes.Length}");
        }

        var actual = new long[rank];
        for (var i = 0; i < rank; i++)
        {
            actual[i] = reader.ReadNumber();
        }

        if (!actual.AsSpan().SequenceEqual(sizes))
        {
            throw new InvalidDataException($"the tensor '{name}' is [{string.Join(", ", actual)}] where the model has [{string.Join(", ", sizes)}]");
        }

        return reader.ReadFloats(sizes.Aggregate(1L, (product, size) => product * size));
    }

    /// <summary>The state-dictionary names and sizes of <see cref="LstmLanguageModel"/>: its fields' names, then the modules' own.</summary>
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
