using System.Globalization;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Interactive;

/// <summary>The prediction strip as text: numbered tokens with a small probability bar each, and the marks under the unknown parts of what was typed.</summary>
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
    /// A line as long as <paramref name="typed"/> with <see cref="UnknownMark"/> under every character of a part the model
    /// reads as unknown (a word at the word level, a character below it, as the tokenizer reported it), blank elsewhere:
    /// the unknown parts marked in place.
    /// </summary>
    /// <param name="context">What the model reads for <paramref name="typed"/> now (<see cref="CompletionConsole.SuggestionContext"/>):
    /// the typed text as read, perhaps after the manuscript's last words and a line break.</param>
    /// <param name="suggestions">The latest answer, maybe for the text of a keystroke before: a part is marked only where that
    /// text and <paramref name="context"/> still agree.</param>
    public static string Marks(string typed, string context, Suggestions suggestions)
    {
        var read = PrimeEscapes.Read(typed, out var typedOffsets);
        if (suggestions.UnknownParts.Count == 0 || !context.EndsWith(read, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var marks = new string(' ', typed.Length).ToCharArray();
        var typedFrom = context.Length - read.Length;
        var agreed = context.AsSpan().CommonPrefixLength(suggestions.Text);
        foreach (var part in suggestions.UnknownParts)
        {
            var (start, length) = part.GetOffsetAndLength(suggestions.Text.Length);
            // A part of the manuscript has no place in the field.
            if (start >= typedFrom && start + length <= agreed)
            {
                marks.AsSpan(typedOffsets[start - typedFrom]..typedOffsets[start + length - typedFrom]).Fill(UnknownMark);
            }
        }

        return new string(marks).TrimEnd();
    }
}
