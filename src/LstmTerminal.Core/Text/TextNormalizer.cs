using System.Globalization;

namespace LstmTerminal.Core.Text;

/// <summary>
/// Turns prose into the word sequence the model sees: lower-case; every punctuation or symbol character except
/// hyphen and apostrophe becomes a space; line breaks and runs of whitespace separate words.
/// </summary>
public static class TextNormalizer
{
    private delegate void WordHandler(ReadOnlySpan<char> word);

    public static List<string> Tokenize(string text)
    {
        var words = new List<string>();
        Scan(text, word => words.Add(word.ToString()));
        return words;
    }

    /// <summary>
    /// The word sequence of a (possibly very large) text as ids of distinct words, without a string per
    /// occurrence: memory stays near the size of the text.
    /// </summary>
    public static IndexedText Index(string text)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var distinct = new List<string>();
        var counts = new List<int>();
        // English prose averages over five characters a word with its space: enough room without regrowing.
        var sequence = new List<int>(text.Length / 5 + 1);
        Scan(text, word =>
        {
            if (!lookup.TryGetValue(word, out var id))
            {
                id = distinct.Count;
                var key = word.ToString();
                ids.Add(key, id);
                distinct.Add(key);
                counts.Add(0);
            }

            counts[id]++;
            sequence.Add(id);
        });
        return new IndexedText(distinct, counts, sequence.ToArray());
    }

    private static void Scan(string text, WordHandler handler)
    {
        Span<char> buffer = stackalloc char[256];
        var word = buffer;
        var length = 0;
        foreach (var raw in text)
        {
            var c = Canonical(raw);
            if (c != ' ')
            {
                if (length == word.Length)
                {
                    // Words longer than the stack buffer are rare (garbage or binary input); grow on the heap.
                    var larger = new char[word.Length * 2];
                    word.CopyTo(larger);
                    word = larger;
                }

                word[length++] = c;
            }
            else if (length > 0)
            {
                handler(word[..length]);
                length = 0;
            }
        }

        if (length > 0)
        {
            handler(word[..length]);
        }
    }

    private static char Canonical(char c)
    {
        if (c is '\'' or '-')
        {
            return c;
        }

        // Gutenberg's newer editions use typographic apostrophes; they must match the plain ones in prime phrases.
        if (c is '\u2019' or '\u2018')
        {
            return '\'';
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => char.ToLowerInvariant(c),
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber => c,
            _ => ' ',
        };
    }
}
