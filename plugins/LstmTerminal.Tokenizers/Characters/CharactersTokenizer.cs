using System.Globalization;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Tokenizers.Characters;

/// <summary>
/// One token per user-perceived character (a Unicode text element: "e" plus a combining accent, a flag, a ZWJ emoji
/// family and CRLF each stay whole), as the raw text has it: case, punctuation and line breaks kept.
/// </summary>
public sealed class CharactersTokenizer : ITokenizer
{
    public const string PluginName = "characters";
    public const int DefaultMinFrequency = 1;

    private const int ProgressEvery = 1 << 20;

    private readonly PluginContext _context;

    /// <param name="context">Supplies <c>Plugins:characters:MinFrequency</c> (default 1), read when learning starts.</param>
    public CharactersTokenizer(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public string Name => PluginName;

    public string Description =>
        "Every character of the raw text, case, punctuation and line breaks kept (emoji, accents and CRLF stay whole); " +
        $"characters seen fewer than Plugins:characters:MinFrequency times (default {DefaultMinFrequency}) are unknown.";

    /// <summary>A character the corpus lacks has no id of its own.</summary>
    public bool IsLossless => false;

    public Task<ITokenVocabulary> LearnAsync(string text, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var minFrequency = PluginSetting.Int(_context, Name, "MinFrequency", DefaultMinFrequency, 1, int.MaxValue);
        return Task.Run<ITokenVocabulary>(() => Learn(text, minFrequency, progress, cancellationToken), cancellationToken);
    }

    public ITokenVocabulary Load(string state) => CharacterVocabulary.Load(state);

    private static CharacterVocabulary Learn(string text, int minFrequency, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken)
    {
        const string stage = "counting characters";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = text.AsSpan();
        var nextReport = 0;
        for (var position = 0; position < span.Length;)
        {
            if (position >= nextReport)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new TokenizerLearnProgress(stage, position, span.Length));
                nextReport = position + ProgressEvery;
            }

            var element = span.Slice(position, StringInfo.GetNextTextElementLength(span[position..]));
            lookup[element] = lookup.TryGetValue(element, out var count) ? count + 1 : 1;
            position += element.Length;
        }

        progress?.Report(new TokenizerLearnProgress(stage, span.Length, span.Length));
        var known = counts
            .Where(pair => pair.Value >= minFrequency && !CharacterVocabulary.IsLoneSurrogate(pair.Key))
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key)
            .ToList();
        return new CharacterVocabulary(known);
    }
}
