namespace LstmTerminal.Core.Text;

/// <summary>
/// Word ↔ id mapping. Id 0 is the unknown word; known words are ordered by descending frequency, then ordinally,
/// so the same corpus always yields the same ids.
/// </summary>
public sealed class Vocabulary
{
    public const int UnknownId = 0;
    public const string UnknownWord = "<unk>";

    private readonly string[] _words;
    private readonly Dictionary<string, int> _ids;

    public Vocabulary(IReadOnlyList<string> knownWords)
    {
        _words = new string[knownWords.Count + 1];
        _words[UnknownId] = UnknownWord;
        _ids = new Dictionary<string, int>(knownWords.Count, StringComparer.Ordinal);
        for (var i = 0; i < knownWords.Count; i++)
        {
            if (knownWords[i] == UnknownWord || !_ids.TryAdd(knownWords[i], i + 1))
            {
                throw new ArgumentException($"The word list repeats '{knownWords[i]}' or contains the reserved {UnknownWord}.", nameof(knownWords));
            }

            _words[i + 1] = knownWords[i];
        }
    }

    /// <summary>Number of ids, the unknown word included.</summary>
    public int Count => _words.Length;

    public IReadOnlyList<string> KnownWords => new ArraySegment<string>(_words, 1, _words.Length - 1);

    /// <summary>Keeps the words seen more than <paramref name="minWordFrequency"/> times.</summary>
    public static Vocabulary Build(IEnumerable<string> words, int minWordFrequency)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        return FromCounts(counts.Select(pair => (pair.Key, pair.Value)), minWordFrequency);
    }

    public static Vocabulary FromCounts(IEnumerable<(string Word, int Count)> counts, int minWordFrequency) =>
        new(counts
            .Where(pair => pair.Count > minWordFrequency && pair.Word != UnknownWord)
            .OrderByDescending(pair => pair.Count)
            .ThenBy(pair => pair.Word, StringComparer.Ordinal)
            .Select(pair => pair.Word)
            .ToList());

    public int IdOf(string word) => _ids.GetValueOrDefault(word, UnknownId);

    public bool Contains(string word) => _ids.ContainsKey(word);

    public string WordOf(int id) => _words[id];

    public int[] Encode(IReadOnlyList<string> words)
    {
        var ids = new int[words.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = IdOf(words[i]);
        }

        return ids;
    }
}
