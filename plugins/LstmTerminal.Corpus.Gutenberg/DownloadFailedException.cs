namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>
/// The download cannot be had: every attempt failed (the message names the URL, the last reason and the attempts) or
/// the cache folder cannot be created.
/// </summary>
internal sealed class DownloadFailedException(string message, Exception innerException) : Exception(message, innerException);
