using System.Globalization;
using System.Text;

namespace LstmTerminal.Core.Text;

/// <summary>
/// Turns prose into the word sequence the model sees: lower-case; every punctuation or symbol character except
/// hyphen and apostrophe becomes a space; line breaks and runs of whitespace separate words.
/// </summary>
public static class TextNormalizer
{
    public static List<string> Tokenize(string text)
    {
        var words = new List<string>(text.Length / 5);
        var word = new StringBuilder();
        foreach (var raw in text)
        {
            var c = Canonical(raw);
            if (c == ' ')
            {
                Flush(word, words);
            }
            else
            {
                word.Append(c);
            }
        }

        Flush(word, words);
        return words;
    }

    public static string Normalize(string text) => string.Join(' ', Tokenize(text));

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

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
