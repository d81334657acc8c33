namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>The body ended before the announced Content-Length: a broken connection, never a complete file.</summary>
internal sealed class TruncatedDownloadException(long received, long announced)
    : IOException($"the connection closed after {received:N0} of {announced:N0} bytes");
