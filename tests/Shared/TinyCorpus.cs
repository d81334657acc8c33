using LstmTerminal.Abstractions;

namespace LstmTerminal.Testing;

/// <summary>A small deterministic corpus with strong regularities, so a tiny model learns it in a few steps.</summary>
internal static class TinyCorpus
{
    private static readonly string[] Lines =
    [
        "thou art more lovely and more temperate.",
        "to be or not to be, that is the question.",
        "wherefore art thou romeo? deny thy father.",
        "shall i compare thee to a summer's day?",
        "the lady doth protest too much, methinks.",
    ];

    public static string Text(int repeats = 40) =>
        string.Join('\n', Enumerable.Range(0, repeats).SelectMany(i => Lines.Skip(i % Lines.Length).Concat(Lines.Take(i % Lines.Length))));

    public static Corpus Corpus(int repeats = 40) => new("tiny", Text(repeats), "memory");

    /// <summary>The corpus between Project Gutenberg's start and end lines, as a loopback server hands it to the Gutenberg plugin.</summary>
    public static byte[] GutenbergEbook() =>
        System.Text.Encoding.UTF8.GetBytes("*** START OF THE EBOOK ***\n" + Text() + "\n*** END OF THE EBOOK ***\n");

    /// <summary>Writes the corpus to <paramref name="path"/> for the text-file plugin and returns the path.</summary>
    public static string WriteTo(string path)
    {
        File.WriteAllText(path, Text());
        return path;
    }
}
