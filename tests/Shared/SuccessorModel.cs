using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Testing;

/// <summary>
/// A model whose output is known at any token level: after each id of a cycle it gives the next id of the cycle with a
/// probability near 1, whatever came before. The LSTM's cell holds the current id one-hot (input gate open, forget gate
/// shut), and the output layer maps it to its successor.
/// </summary>
internal static class SuccessorModel
{
    private const float Open = 10f;

    /// <param name="cycle">Ids that each occur once; the last one is followed by the first.</param>
    public static Generator Create(GuardedVocabulary vocabulary, IReadOnlyList<int> cycle)
    {
        if (cycle.Distinct().Count() != cycle.Count)
        {
            throw new ArgumentException($"An id occurs twice in the cycle [{string.Join(", ", cycle)}], so it has no single successor.", nameof(cycle));
        }

        var count = vocabulary.Count;
        var embedding = new float[count * count];
        var inputWeights = new float[4 * count * count];
        var bias = new float[4 * count];
        var output = new float[count * count];
        var outputBias = new float[count];
        for (var id = 0; id < count; id++)
        {
            embedding[id * count + id] = 1;
            inputWeights[(2 * count + id) * count + id] = Open;
            bias[id] = Open;
            bias[count + id] = -Open;
            bias[3 * count + id] = Open;
        }

        for (var i = 0; i < cycle.Count; i++)
        {
            output[cycle[(i + 1) % cycle.Count] * count + cycle[i]] = 2 * Open;
        }

        foreach (var forbidden in vocabulary.ForbiddenIds)
        {
            outputBias[forbidden] = -1000;
        }

        return new Generator(new ModelWeights
        {
            Shape = new ModelShape { VocabularySize = count, EmbeddingSize = count, RnnSize = count, Layers = 1, Dropout = 0 },
            Embedding = embedding,
            Layers = [new LstmLayerWeights { InputSize = count, InputWeights = inputWeights, HiddenWeights = new float[4 * count * count], Bias = bias }],
            Output = output,
            OutputBias = outputBias,
        }, vocabulary);
    }
}
