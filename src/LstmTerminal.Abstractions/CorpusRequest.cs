namespace LstmTerminal.Abstractions;

/// <summary>What the user asked a corpus provider for.</summary>
/// <param name="Path">A file or folder named by the user (<c>Corpus:Path</c> or <c>--corpus-path</c>), if any.</param>
public sealed record CorpusRequest(string? Path = null);
