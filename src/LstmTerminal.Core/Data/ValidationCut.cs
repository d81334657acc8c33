using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Data;

/// <summary>
/// Where the raw corpus text is cut into training and validation, before any tokenizer sees it, so that every token
/// level is validated on the same characters.
/// </summary>
public static class ValidationCut
{
    /// <summary>
    /// The offset where the validation text starts: the last <paramref name="validationFraction"/> of the text, moved
    /// forward to the start of the next line so it begins a real line; the plain cut when no line break follows.
    /// </summary>
    public static int Offset(string text, double validationFraction)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = text.Length - (int)Math.Round(text.Length * validationFraction);
        if (cut >= text.Length || IsLineStart(text, cut))
        {
            return cut;
        }

        // A break that ends the text would leave no line to validate on.
        var lineBreak = text.AsSpan(cut, text.Length - 1 - cut).IndexOfAny('\n', '\r');
        if (lineBreak >= 0)
        {
            var start = LineBreaks.NextLineStart(text, cut + lineBreak);
            if (start < text.Length)
            {
                return start;
            }
        }

        // Never between the halves of a surrogate pair: both parts stay valid Unicode text.
        return char.IsLowSurrogate(text[cut]) ? cut + 1 : cut;
    }

    private static bool IsLineStart(string text, int offset) =>
        offset == 0 || text[offset - 1] == '\n' || (text[offset - 1] == '\r' && text[offset] != '\n');
}
