namespace LstmTerminal.Abstractions;

/// <summary>Raw prose returned by a corpus provider.</summary>
/// <param name="Title">A human-readable name of the text, e.g. "The Complete Works of William Shakespeare".</param>
/// <param name="Text">The prose, boilerplate removed, not yet normalised.</param>
/// <param name="Source">Where it came from (a path or URL), for display.</param>
/// <param name="Notices">Things the user should know about the load, e.g. "no START marker: used the whole file".</param>
public sealed record Corpus(string Title, string Text, string Source, IReadOnlyList<string> Notices)
{
    /// <summary>Creates a corpus without notices.</summary>
    public Corpus(string title, string text, string source)
        : this(title, text, source, Array.Empty<string>())
    {
    }
}
