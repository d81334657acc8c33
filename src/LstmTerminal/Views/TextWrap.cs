namespace LstmTerminal.Views;

/// <summary>Word wrapping for list views, which show one line per item and cut the rest off.</summary>
internal static class TextWrap
{
    /// <summary>Lines of at most <paramref name="width"/> columns; continuation lines start with <paramref name="indent"/>.</summary>
    public static IEnumerable<string> Wrap(string text, int width, string indent = "  ")
    {
        if (width <= indent.Length + 1 || text.Length <= width)
        {
            yield return text;
            yield break;
        }

        // The text's own leading spaces (a continuation's indent) stay on its first line.
        var body = text.TrimStart(' ');
        var line = text[..(text.Length - body.Length)];
        foreach (var word in body.Split(' '))
        {
            var candidate = line.Trim().Length == 0 ? line + word : line + " " + word;
            if (candidate.Length <= width || line.Trim().Length == 0)
            {
                line = candidate;
                continue;
            }

            yield return line;
            line = indent + word;
        }

        // A single word wider than the line is cut rather than overflowing, but never inside a surrogate pair (a
        // letter outside the BMP), whose halves would show as two replacement characters.
        while (line.Length > width)
        {
            var cut = char.IsHighSurrogate(line[width - 1]) ? width - 1 : width;
            yield return line[..cut];
            line = indent + line[cut..];
        }

        yield return line;
    }
}
