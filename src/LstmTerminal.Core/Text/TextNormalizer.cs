using System.Globalization;
using System.Text;

namespace LstmTerminal.Core.Text;

/// <summary>
/// Turns prose into the word sequence the model sees: lower-case; every punctuation or symbol character except
/// hyphen and apostrophe becomes a space; line breaks and runs of whitespace separate words. Characters count by
/// their Unicode category whatever their plane, so a mathematical or CJK-extension letter is a letter and an emoji
/// is a symbol (it separates words); a combining mark stays with the letter before it and goes with a separator.
/// </summary>
public static class TextNormalizer
{
    private static readonly Rune Space = new(' ');
    private static readonly Rune Apostrophe = new('\'');

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
        for (var i = 0; i < text.Length; i++)
        {
            // Letters outside the Basic Multilingual Plane (mathematical letters, CJK extensions) are surrogate pairs:
            // each pair is classified as the one character it encodes, never as two halves (which would be spaces).
            var c = Canonical(char.IsSurrogate(text[i]) ? ScalarAt(text, ref i) : new Rune(text[i]), inWord: length > 0);
            if (c != Space)
            {
                if (length + 2 > word.Length)
                {
                    // Words longer than the stack buffer are rare (garbage or binary input); grow on the heap.
                    var larger = new char[word.Length * 2];
                    word.CopyTo(larger);
                    word = larger;
                }

                length += c.EncodeToUtf16(word[length..]);
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

    /// <summary>The character a surrogate pair at <paramref name="index"/> encodes, moving past it; a lone half reads as U+FFFD.</summary>
    private static Rune ScalarAt(string text, ref int index)
    {
        Rune.DecodeFromUtf16(text.AsSpan(index), out var scalar, out var consumed);
        index += consumed - 1;
        return scalar;
    }

    /// <summary>What a character becomes in a word, or <see cref="Space"/> when it separates words.</summary>
    /// <param name="inWord">Whether a word is under way: a combining mark belongs to the letter before it, so after a separator (an emoji's variation selector) it goes too.</param>
    private static Rune Canonical(Rune c, bool inWord)
    {
        if (c.Value is '\'' or '-')
        {
            return c;
        }

        // Gutenberg's newer editions use typographic apostrophes; they must match the plain ones in prime phrases.
        if (c.Value is '\u2019' or '\u2018')
        {
            return Apostrophe;
        }

        return Rune.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => Rune.ToLowerInvariant(c),
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => inWord ? c : Space,
            UnicodeCategory.DecimalDigitNumber => c,
            _ => Space,
        };
    }
}
