using LstmTerminal.Core.Model;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// The tensor names of <c>model.bin</c> and <c>training-weights.bin</c>. They began as TorchSharp's names for the
/// model's fields; they are the format's own now, written and read through this class, so that renaming a field of
/// the model changes no file.
/// </summary>
public static class WeightNames
{
    public const string Embedding = "_embedding.weight";
    public const string OutputWeights = "_output.weight";
    public const string OutputBias = "_output.bias";

    public static string LstmInputWeights(int layer) => $"_lstm.weight_ih_l{layer}";

    public static string LstmHiddenWeights(int layer) => $"_lstm.weight_hh_l{layer}";

    public static string LstmInputBias(int layer) => $"_lstm.bias_ih_l{layer}";

    public static string LstmHiddenBias(int layer) => $"_lstm.bias_hh_l{layer}";

    /// <summary>Every tensor of a model of <paramref name="shape"/> and its sizes, in the order the files hold them.</summary>
    public static IReadOnlyList<(string Name, long[] Sizes)> Of(ModelShape shape)
    {
        var gates = 4L * shape.RnnSize;
        var tensors = new List<(string, long[])> { (Embedding, [shape.VocabularySize, shape.EmbeddingSize]) };
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            tensors.Add((LstmInputWeights(layer), [gates, layer == 0 ? shape.EmbeddingSize : shape.RnnSize]));
            tensors.Add((LstmHiddenWeights(layer), [gates, shape.RnnSize]));
            tensors.Add((LstmInputBias(layer), [gates]));
            tensors.Add((LstmHiddenBias(layer), [gates]));
        }

        tensors.Add((OutputWeights, [shape.VocabularySize, shape.RnnSize]));
        tensors.Add((OutputBias, [shape.VocabularySize]));
        return tensors;
    }
}
