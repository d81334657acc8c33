using System.Globalization;
using System.Text;

namespace LstmTerminal.Tokenizers.Words;

/// <summary>
/// Turns prose into the word sequence the model sees: lower-case; every punctuation or symbol character except
/// hyphen and apostrophe becomes a space; line breaks and runs of whitespace separate words. Characters count by
/// their Unicode category whatever their plane, so a mathematical or CJK-extension letter is a letter and an emoji
/// is a symbol (it separates words); a combining mark stays with the letter before it and goes with a separator.
/// </summary>
internal static class WordNormalizer
{
    private static readonly Rune Space = new(' ');
    private static readonly Rune Apostrophe = new('\'');

    /// <param name="word">The normalised word; valid only during the call.</param>
    /// <param name="source">Where the word stands in the text as given.</param>
    public delegate void WordHandler(ReadOnlySpan<char> word, Range source);

    /// <summary>Hands every normalised word of <paramref name="text"/> to <paramref name="handler"/>, in order, without a string per word.</summary>
    public static void Scan(ReadOnlySpan<char> text, WordHandler handler)
    {
        Span<char> buffer = stackalloc char[256];
        var word = buffer;
        var length = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var at = i;
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

                start = length == 0 ? at : start;
                length += c.EncodeToUtf16(word[length..]);
            }
            else if (length > 0)
            {
                handler(word[..length], start..at);
                length = 0;
            }
        }

        if (length > 0)
        {
            handler(word[..length], start..text.Length);
        }
    }

    /// <summary>The character a surrogate pair at <paramref name="index"/> encodes, moving past it; a lone half reads as U+FFFD.</summary>
    private static Rune ScalarAt(ReadOnlySpan<char> text, ref int index)
    {
        Rune.DecodeFromUtf16(text[index..], out var scalar, out var consumed);
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
