using System.Text.RegularExpressions;

namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>Cuts a Project Gutenberg ebook down to the text between its <c>*** START OF</c> and <c>*** END OF</c> lines.</summary>
internal static partial class GutenbergMarkers
{
    public static GutenbergBody Strip(string text, string source)
    {
        var notices = new List<string>();
        var start = StartLine().Match(text);
        var bodyStart = 0;
        if (start.Success)
        {
            var lineEnd = text.IndexOf('\n', start.Index);
            bodyStart = lineEnd < 0 ? text.Length : lineEnd + 1;
        }
        else
        {
            notices.Add($"No '*** START OF' line in {source}: used the text from its beginning, Gutenberg header included if any.");
        }

        var end = EndLine().Match(text, bodyStart);
        var bodyEnd = end.Success ? end.Index : text.Length;
        if (!end.Success)
        {
            notices.Add($"No '*** END OF' line in {source}: used the text to its end, Gutenberg licence included if any.");
        }

        return new GutenbergBody(text[bodyStart..bodyEnd].Trim(), notices);
    }

    [GeneratedRegex(@"^\*{3}\s*START OF", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StartLine();

    [GeneratedRegex(@"^\*{3}\s*END OF", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex EndLine();
}
