using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Testing;

/// <summary>
/// A model whose answers are known: every weight is zero but the output bias, so after any prime it gives "thou" 0.5,
/// "art" 0.3 and "more" 0.2 (and the unknown word next to nothing).
/// </summary>
internal static class BiasOnlyModel
{
    public static readonly Vocabulary Vocabulary = new(["thou", "art", "more"]);

    public static readonly IReadOnlyDictionary<string, double> Probabilities = new Dictionary<string, double> { ["thou"] = 0.5, ["art"] = 0.3, ["more"] = 0.2 };

    /// <summary>A validation text of the three known words with some unknown ones among them.</summary>
    public static readonly int[] Validation = Enumerable.Range(0, 400).Select(i => i % 7 == 6 ? Vocabulary.UnknownId : 1 + i * 5 % 3).ToArray();

    public static Generator Create()
    {
        const int size = 2;
        var count = Vocabulary.Count;
        var bias = new float[count];
        bias[Vocabulary.UnknownId] = -1000;
        foreach (var (word, probability) in Probabilities)
        {
            bias[Vocabulary.IdOf(word)] = (float)Math.Log(probability);
        }

        return new Generator(new ModelWeights
        {
            Shape = new ModelShape { VocabularySize = count, EmbeddingSize = size, RnnSize = size, Layers = 1, Dropout = 0 },
            Embedding = new float[count * size],
            Layers = [new LstmLayerWeights { InputSize = size, InputWeights = new float[4 * size * size], HiddenWeights = new float[4 * size * size], Bias = new float[4 * size] }],
            Output = new float[count * size],
            OutputBias = bias,
        }, Vocabulary);
    }
}
