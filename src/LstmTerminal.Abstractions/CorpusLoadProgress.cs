namespace LstmTerminal.Abstractions;

/// <summary>Progress of a corpus load.</summary>
/// <param name="Stage">What is happening, e.g. "downloading", "reading cache".</param>
/// <param name="BytesDone">Bytes processed so far.</param>
/// <param name="BytesTotal">Total bytes if known.</param>
public sealed record CorpusLoadProgress(string Stage, long BytesDone, long? BytesTotal);
