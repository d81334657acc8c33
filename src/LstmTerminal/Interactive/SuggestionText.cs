using System.Globalization;
using System.Text;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Interactive;

/// <summary>The prediction strip as text: numbered tokens with a small probability bar each, and the marks under unknown words.</summary>
public static class SuggestionText
{
    public const char UnknownMark = '~';

    /// <summary>Eighths of a cell, so a bar of <see cref="BarCells"/> cells shows 1/32 steps.</summary>
    private static readonly string[] Eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    private const int BarCells = 4;

    /// <summary>Stand-ins for the whitespace a token may hold, so a space or a line break on the strip is seen.</summary>
    public const char VisibleSpace = '␣';
    public const char VisibleLineBreak = '⏎';

    /// <summary>"1 be ███▊ 95%  2 to ▏ 2%  ...", cut to <paramref name="width"/> columns; "1 ␣ ██ 40%  2 ⏎ ▌ 12%" at the character level.</summary>
    public static string Strip(Suggestions suggestions, int width)
    {
        var text = suggestions.Problem ?? string.Join("  ", suggestions.Tokens.Select((t, i) => $"{i + 1} {Visible(t.Label)} {Bar(t.Probability)} {Percent(t.Probability)}"));
        return text.Length <= width ? text : text[..Math.Max(0, width - 1)] + "…";
    }

    /// <summary>A token's label with its spaces and line breaks shown as symbols and other control characters made printable.</summary>
    public static string Visible(string label) =>
        TerminalText.Printable(label.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(' ', VisibleSpace).Replace('\n', VisibleLineBreak).Replace('\r', VisibleLineBreak));

    /// <summary>"62%", and "&lt;1%" for what rounds to nothing, so a word on the strip never reads as impossible.</summary>
    public static string Percent(double probability) =>
        probability < 0.005 ? "<1%" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(probability * 100):0}%");

    public static string Bar(double probability)
    {
        var eighths = (int)Math.Round(Math.Clamp(probability, 0, 1) * BarCells * 8);
        return new string('█', eighths / 8) + Eighths[eighths % 8];
    }

    /// <summary>
    /// A line as long as <paramref name="typed"/> with <see cref="UnknownMark"/> under every run of non-space characters
    /// that holds a word of <paramref name="unknownWords"/>, blank elsewhere: the unknown words marked in place.
    /// </summary>
    public static string Marks(string typed, IReadOnlyCollection<string> unknownWords)
    {
        var marks = new StringBuilder(new string(' ', typed.Length));
        if (unknownWords.Count == 0)
        {
            return marks.ToString();
        }

        var start = 0;
        while (start < typed.Length)
        {
            if (char.IsWhiteSpace(typed[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < typed.Length && !char.IsWhiteSpace(typed[end]))
            {
                end++;
            }

            if (WordPieces(typed[start..end]).Any(w => unknownWords.Contains(w) || unknownWords.Contains(w.Trim('\'', '-'))))
            {
                marks.Remove(start, end - start).Insert(start, new string(UnknownMark, end - start));
            }

            start = end;
        }

        return marks.ToString().TrimEnd();
    }

    /// <summary>The parts of a run of non-space characters that punctuation separates: unknown words are reported as typed.</summary>
    private static IEnumerable<string> WordPieces(string run) =>
        run.Split(run.Where(c => !(char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c is '\'' or '-' or '\u2018' or '\u2019' || char.IsSurrogate(c))).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries).Append(run);
}
