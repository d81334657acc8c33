using LstmTerminal.Abstractions;

namespace LstmTerminal.Tokenizers.Words;

/// <summary>
/// The recipe's word level: lower-cased words without punctuation or line breaks; words seen no more than
/// <c>MinWordFrequency</c> times map to one unknown id.
/// </summary>
public sealed class WordsTokenizer : ITokenizer
{
    public const string PluginName = "words";
    public const int DefaultMinWordFrequency = 5;
    public const int MaxMinWordFrequency = 1_000_000;

    private readonly PluginContext _context;

    /// <param name="context">Supplies <c>Plugins:words:MinWordFrequency</c> (default 5), read when learning starts.</param>
    public WordsTokenizer(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public string Name => PluginName;

    public string Description =>
        "Lower-case words without punctuation or line breaks (the recipe); words seen no more than " +
        $"Plugins:words:MinWordFrequency times (default {DefaultMinWordFrequency}) are unknown.";

    /// <summary>Case, punctuation and line breaks are dropped, and rare words read as unknown.</summary>
    public bool IsLossless => false;

    /// <exception cref="ArgumentException">Plugins:words:MinWordFrequency is not a whole number in [0, 1000000].</exception>
    public Task<ITokenVocabulary> LearnAsync(string text, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var minWordFrequency = PluginSetting.Int(_context, Name, "MinWordFrequency", DefaultMinWordFrequency, 0, MaxMinWordFrequency);
        return Task.Run<ITokenVocabulary>(() => Learn(text, minWordFrequency, progress, cancellationToken), cancellationToken);
    }

    public ITokenVocabulary Load(string state) => WordVocabulary.Load(state);

    private static WordVocabulary Learn(string text, int minWordFrequency, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken)
    {
        var counter = new PieceCounter("counting words", text.Length, progress, cancellationToken);
        WordNormalizer.Scan(text, (word, _) => counter.Add(word));
        return WordVocabulary.FromCounts(counter.Finish(), minWordFrequency);
    }
}
