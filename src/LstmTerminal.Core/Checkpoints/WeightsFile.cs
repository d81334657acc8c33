using LstmTerminal.Core.Model;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// Reads <c>model.bin</c> (and <c>training-weights.bin</c>) without libtorch: generation needs plain arrays only, and
/// loading libtorch to read them would cost most of a <c>generate</c> run. The file is TorchSharp's
/// <c>Module.save</c> format: a count, then per tensor its name (<see cref="WeightNames"/>), element type, rank, sizes
/// and data.
/// </summary>
public static class WeightsFile
{
    /// <summary>The file's tensors by name, checked to be exactly those of <paramref name="shape"/> at their sizes.</summary>
    /// <exception cref="InvalidDataException">The file is truncated, garbled or holds another model's tensors; the message says which.</exception>
    public static Dictionary<string, float[]> ReadTensors(string path, ModelShape shape)
    {
        var expected = WeightNames.Of(shape).ToDictionary(tensor => tensor.Name, tensor => tensor.Sizes, StringComparer.Ordinal);
        var tensors = new Dictionary<string, float[]>(StringComparer.Ordinal);
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

                if (tensors.ContainsKey(name))
                {
                    throw new InvalidDataException($"it holds the tensor '{name}' twice");
                }

                tensors[name] = reader.ReadFloats(reader.ReadFloatHeader(name, sizes));
            }

            return count;
        });
        return tensors;
    }

    /// <exception cref="InvalidDataException">As <see cref="ReadTensors"/>.</exception>
    public static ModelWeights Read(string path, ModelShape shape) => ToModelWeights(shape, ReadTensors(path, shape));

    /// <summary>Arranges the format's tensors as inference holds them; sums each layer's biases into the first array.</summary>
    public static ModelWeights ToModelWeights(ModelShape shape, IReadOnlyDictionary<string, float[]> tensors)
    {
        var layers = new List<LstmLayerWeights>(shape.Layers);
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            // Summed once here, since inference only ever adds the two; a plain loop, as a few thousand additions do not
            // repay loading and compiling a vectorised library routine on the way to the first token.
            var bias = tensors[WeightNames.LstmInputBias(layer)];
            var hiddenBias = tensors[WeightNames.LstmHiddenBias(layer)];
            for (var i = 0; i < bias.Length; i++)
            {
                bias[i] += hiddenBias[i];
            }

            layers.Add(new LstmLayerWeights
            {
                InputSize = layer == 0 ? shape.EmbeddingSize : shape.RnnSize,
                InputWeights = tensors[WeightNames.LstmInputWeights(layer)],
                HiddenWeights = tensors[WeightNames.LstmHiddenWeights(layer)],
                Bias = bias,
            });
        }

        return new ModelWeights
        {
            Shape = shape,
            Embedding = tensors[WeightNames.Embedding],
            Layers = layers,
            Output = tensors[WeightNames.OutputWeights],
            OutputBias = tensors[WeightNames.OutputBias],
        };
    }
}
