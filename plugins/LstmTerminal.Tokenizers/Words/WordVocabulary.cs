using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using LstmTerminal.Abstractions;
using LstmTerminal.Shared;

namespace LstmTerminal.Tokenizers.Words;

/// <summary>
/// Word ↔ id mapping of the recipe. Id 0 is the unknown word; known words are ordered by descending frequency, then
/// ordinally, so the same corpus always yields the same ids. Text is normalised by <see cref="WordNormalizer"/>, and
/// decoded words are joined by single spaces.
/// </summary>
internal sealed class WordVocabulary : ITokenVocabulary
{
    public const int Unknown = 0;
    public const string UnknownWord = "<unk>";

    private const int FormatVersion = 1;

    private static readonly IReadOnlySet<int> UnknownOnly = FrozenSet.Create(Unknown);

    // The state is checkpoints' vocab.json as earlier builds wrote it: camelCase and indented, so old files read as states.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        MaxDepth = 16,
        TypeInfoResolver = TokenizerStateContext.Default,
    };

    private readonly string[] _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;

    /// <exception cref="ArgumentException">The list repeats a word, holds an empty one or the reserved <see cref="UnknownWord"/>.</exception>
    public WordVocabulary(IReadOnlyList<string> knownWords)
    {
        _words = [UnknownWord, .. knownWords];
        var ids = new Dictionary<string, int>(knownWords.Count, StringComparer.Ordinal);
        for (var i = 0; i < knownWords.Count; i++)
        {
            if (string.IsNullOrEmpty(knownWords[i]) || knownWords[i] == UnknownWord || !ids.TryAdd(knownWords[i], i + 1))
            {
                throw new ArgumentException($"The word list repeats '{knownWords[i]}', or holds an empty word or the reserved {UnknownWord}.", nameof(knownWords));
            }
        }

        _ids = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _words.Length;

    public int? UnknownId => Unknown;

    public IReadOnlySet<int> ForbiddenIds => UnknownOnly;

    /// <summary>Keeps the words of <paramref name="counts"/> seen more than <paramref name="minWordFrequency"/> times.</summary>
    public static WordVocabulary FromCounts(IEnumerable<KeyValuePair<string, long>> counts, int minWordFrequency) =>
        new(counts
            .Where(pair => pair.Value > minWordFrequency && pair.Key != UnknownWord)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key)
            .ToList());

    public EncodedText Encode(ReadOnlySpan<char> text)
    {
        // English prose averages over five characters a word with its space: enough room without regrowing.
        var ids = new List<int>(text.Length / 5 + 1);
        var unknown = new List<Range>();
        WordNormalizer.Scan(text, (word, source) =>
        {
            if (_ids.TryGetValue(word, out var id))
            {
                ids.Add(id);
            }
            else
            {
                ids.Add(Unknown);
                unknown.Add(source);
            }
        });
        return new EncodedText([.. ids], unknown);
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        var text = new StringBuilder(ids.Length * 6);
        for (var i = 0; i < ids.Length; i++)
        {
            text.Append(DecodePiece(ids[..i], ids[i]));
        }

        return text.ToString();
    }

    public string DecodePiece(ReadOnlySpan<int> previous, int id)
    {
        TokenIds.Check(id, Count);
        return previous.IsEmpty ? _words[id] : " " + _words[id];
    }

    public string DisplayText(int id)
    {
        TokenIds.Check(id, Count);
        return _words[id];
    }

    public string Save() => JsonSerializer.Serialize(new State(FormatVersion, _words[1..]), Options);

    /// <exception cref="InvalidDataException">The state is damaged or not one this class wrote.</exception>
    public static WordVocabulary Load(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        State? state;
        try
        {
            state = PlainJson.Read<State>(text, Options);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"The saved 'words' tokenizer state is not a valid vocabulary: {e.Message}.", e);
        }

        if (state?.Words is null)
        {
            throw new InvalidDataException("The saved 'words' tokenizer state holds no word list.");
        }

        if (Array.IndexOf(state.Words, null) is var missing and >= 0)
        {
            throw new InvalidDataException($"The saved 'words' tokenizer state has null at position {missing} of its word list, where a word should be.");
        }

        if (state.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"The saved 'words' tokenizer state has format version {state.FormatVersion}; this plugin reads version {FormatVersion}.");
        }

        try
        {
            return new WordVocabulary(state.Words);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The saved 'words' tokenizer state is damaged: {e.Message}", e);
        }
    }

    /// <summary>The layout of vocab.json since the first build: a format version and the known words in id order from 1.</summary>
    internal sealed record State(int FormatVersion, string[]? Words);
}
