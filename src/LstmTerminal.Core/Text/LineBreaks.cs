namespace LstmTerminal.Core.Text;

/// <summary>Line breaks as a corpus writes them: LF, CRLF or a lone CR.</summary>
public static class LineBreaks
{
    /// <summary>Where the line after the break at <paramref name="at"/> starts: a CRLF is one break of two characters.</summary>
    public static int NextLineStart(string text, int at) =>
        text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? at + 2 : at + 1;
}
