using System.Net;

namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>The server answered with an error status. Server-side and throttling errors may pass, so they are retried.</summary>
internal sealed class DownloadStatusException(HttpStatusCode statusCode, string? reason)
    : Exception($"{(int)statusCode} {reason ?? statusCode.ToString()}")
{
    public bool IsTransient =>
        (int)statusCode >= 500 || statusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
