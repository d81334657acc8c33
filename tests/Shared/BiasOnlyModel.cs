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

    private static readonly string[] Written = ["Thou", "art,", "more", "zounds", "THOU", "art!", "more;", "quoth"];

    /// <summary>
    /// A validation text as a corpus writes it: a speaker's name on its own line before every three lines of verse whose
    /// words are the three known ones, written in any case with punctuation, and unknown ones among them.
    /// </summary>
    public static readonly string Validation = string.Join('\n', Enumerable.Range(0, 160).Select(Line)) + "\n";

    private static string Line(int i) => i % 4 == 0
        ? "SPEAKER:"
        : string.Join(' ', Enumerable.Range(0, 3 + i % 3).Select(k => Written[(i * 5 + k * 3) % Written.Length]));

    public static Generator Create() => Create(Vocabulary, Probabilities.ToDictionary(p => IdOf(p.Key), p => p.Value));

    /// <summary>A model over any vocabulary that gives each id in <paramref name="probabilities"/> its probability after any text, and every other id next to nothing.</summary>
    public static Generator Create(GuardedVocabulary vocabulary, IReadOnlyDictionary<int, double> probabilities)
    {
        const int size = 2;
        var count = vocabulary.Count;
        var bias = Enumerable.Repeat(-1000f, count).ToArray();
        foreach (var (id, probability) in probabilities)
        {
            bias[id] = (float)Math.Log(probability);
        }

        return new Generator(new ModelWeights
        {
            Shape = new ModelShape { VocabularySize = count, EmbeddingSize = size, RnnSize = size, Layers = 1, Dropout = 0 },
            Embedding = new float[count * size],
            Layers = [new LstmLayerWeights { InputSize = size, InputWeights = new float[4 * size * size], HiddenWeights = new float[4 * size * size], Bias = new float[4 * size] }],
            Output = new float[count * size],
            OutputBias = bias,
        }, vocabulary);
    }

    /// <summary>The id of one of the three known words.</summary>
    public static int IdOf(string word) => Vocabulary.Encode(word).Ids is [var id] ? id : throw new ArgumentException($"'{word}' is not one word.", nameof(word));
}
