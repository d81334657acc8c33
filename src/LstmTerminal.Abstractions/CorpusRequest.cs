namespace LstmTerminal.Abstractions;

/// <summary>What the user asked a corpus provider for.</summary>
/// <param name="Path">A file or folder named by the user (<c>Corpus:Path</c> or <c>--corpus-path</c>), if any.</param>
public sealed record CorpusRequest(string? Path = null)
{
    /// <summary>
    /// The <see cref="Corpus.Source"/> recorded by the checkpoint being resumed or evaluated, or null for a fresh run.
    /// A provider that can hand back that same text again should, so the run goes on with the text it started on
    /// (e.g. a bundled copy the first run fell back to, rather than a download that now succeeds).
    /// </summary>
    public string? RecordedSource { get; init; }
}
