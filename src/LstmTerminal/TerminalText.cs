namespace LstmTerminal;

/// <summary>
/// Text from outside (prime phrases, file paths, plugin names and error messages) may carry control characters
/// and escape sequences that a terminal would obey. Shown instead as their Unicode control pictures (ESC → ␛),
/// they stay visible and harmless. Line breaks and tabs are layout and stay.
/// </summary>
public static class TerminalText
{
    public static string Printable(string text) =>
        HasControl(text) ? string.Create(text.Length, text, Replace) : text;

    public static char Printable(char c) => c switch
    {
        '\n' or '\r' or '\t' => c,
        < ' ' => (char)('\u2400' + c),
        '\u007F' => '\u2421',
        _ when char.IsControl(c) => '\uFFFD',
        _ => c,
    };

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (Printable(c) != c)
            {
                return true;
            }
        }

        return false;
    }

    private static void Replace(Span<char> target, string source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = Printable(source[i]);
        }
    }
}
