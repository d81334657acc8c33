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
    /// <summary>The three words, learned by the <c>words</c> tokenizer plugin.</summary>
    public static readonly GuardedVocabulary Vocabulary = TokenizerPlugins.Words("thou art more", minWordFrequency: 0);

    public static readonly int UnknownId = Vocabulary.UnknownId ?? throw new InvalidOperationException("The words tokenizer has no unknown id.");

    public static readonly IReadOnlyDictionary<string, double> Probabilities = new Dictionary<string, double> { ["thou"] = 0.5, ["art"] = 0.3, ["more"] = 0.2 };

    /// <summary>A validation text of the three known words with some unknown ones among them.</summary>
    public static readonly int[] Validation = Enumerable.Range(0, 400).Select(i => i % 7 == 6 ? UnknownId : 1 + i * 5 % 3).ToArray();

    public static Generator Create()
    {
        const int size = 2;
        var count = Vocabulary.Count;
        var bias = new float[count];
        bias[UnknownId] = -1000;
        foreach (var (word, probability) in Probabilities)
        {
            bias[IdOf(word)] = (float)Math.Log(probability);
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

    /// <summary>The id of one of the three known words.</summary>
    public static int IdOf(string word) => Vocabulary.Encode(word).Ids is [var id] ? id : throw new ArgumentException($"'{word}' is not one word.", nameof(word));
}
