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
        var counter = new PieceCounter("counting characters", text.Length, progress, cancellationToken);
        var span = text.AsSpan();
        for (var position = 0; position < span.Length;)
        {
            var element = span.Slice(position, StringInfo.GetNextTextElementLength(span[position..]));
            counter.Add(element);
            position += element.Length;
        }

        var known = counter.Finish()
            .Where(pair => pair.Value >= minFrequency && !CharacterVocabulary.IsLoneSurrogate(pair.Key))
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key)
            .ToList();
        return new CharacterVocabulary(known);
    }
}
