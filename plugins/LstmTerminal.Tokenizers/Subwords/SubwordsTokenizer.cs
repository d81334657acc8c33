using System.Text;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Tokenizers.Subwords;

/// <summary>
/// Subword tokens learned as byte-pair merges from the corpus; case, punctuation and whitespace kept, and lossless:
/// any string encodes (into single bytes where no merge applies), so there is no unknown id.
/// </summary>
public sealed class SubwordsTokenizer : ITokenizer
{
    public const string PluginName = "subwords";
    public const int DefaultMerges = 2000;
    public const int MaxMerges = 100_000;

    private readonly PluginContext _context;

    /// <param name="context">Supplies <c>Plugins:subwords:Merges</c> (default 2000), read when learning starts.</param>
    public SubwordsTokenizer(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public string Name => PluginName;

    public string Description =>
        $"Byte-pair subwords learned from the corpus (Plugins:subwords:Merges merges, default {DefaultMerges}); " +
        "case, punctuation and whitespace kept; lossless, no unknown token.";

    public bool IsLossless => true;

    public Task<ITokenVocabulary> LearnAsync(string text, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var merges = PluginSetting.Int(_context, Name, "Merges", DefaultMerges, 0, MaxMerges);
        return Task.Run<ITokenVocabulary>(() => Learn(text, merges, progress, cancellationToken), cancellationToken);
    }

    public ITokenVocabulary Load(string state) => SubwordVocabulary.Load(state);

    private static SubwordVocabulary Learn(string text, int merges, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken)
    {
        var pieces = CountPieces(text, progress, cancellationToken);
        var learner = new MergeLearner(pieces);
        return new SubwordVocabulary(learner.Learn(merges, SubwordVocabulary.ByteCount, progress, cancellationToken));
    }

    /// <summary>The distinct pieces as UTF-8 bytes with their counts, in ordinal order.</summary>
    private static List<(int[] Symbols, long Count)> CountPieces(string text, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken)
    {
        var counter = new PieceCounter("counting words", text.Length, progress, cancellationToken);
        foreach (var piece in PreTokenizer.Split(text))
        {
            counter.Add(piece);
        }

        return [.. counter.Finish()
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (Encoding.UTF8.GetBytes(pair.Key).Select(b => (int)b).ToArray(), pair.Value))];
    }
}
