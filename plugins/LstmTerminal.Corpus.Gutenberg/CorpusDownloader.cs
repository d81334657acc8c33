using LstmTerminal.Abstractions;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>
/// Downloads a file into the cache with bounded retries, a connect timeout and a per-attempt timeout. The body goes to
/// a temporary file beside the cache file and is renamed only when complete, so a failed or cancelled download leaves
/// no cache behind.
/// </summary>
internal sealed class CorpusDownloader(GutenbergSettings settings, ILogger logger)
{
    private const int BufferSize = 81920;

    /// <exception cref="DownloadFailedException">Every attempt failed (no network, refused, timed out, an HTTP error).</exception>
    public async Task DownloadAsync(string cachePath, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        // An unreachable host must fail within the connect timeout rather than the whole attempt's, so an offline
        // start gives up in seconds; Polly owns the attempt timeout, so the client must not cut attempts short itself.
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = settings.ConnectTimeout }) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("LstmTerminal/1.0");
        var attempts = 0;
        try
        {
            await BuildPipeline().ExecuteAsync(
                async token =>
                {
                    attempts++;
                    await DownloadOnceAsync(http, cachePath, progress, token);
                },
                cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsDownloadFailure(e))
        {
            var tries = attempts > 1 ? $" after {attempts} attempts" : "";
            throw new DownloadFailedException($"Could not download {settings.Url} ({Describe(e)}){tries}.", e);
        }
    }

    private ResiliencePipeline BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder();
        if (settings.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                ShouldHandle = new PredicateBuilder()
                    .Handle<HttpRequestException>()
                    .Handle<IOException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<OperationCanceledException>(IsConnectTimeout)
                    .Handle<DownloadStatusException>(e => e.IsTransient),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "Download of {Url} failed ({Reason}); retry {Attempt} of {Retries} in {Delay}.",
                        settings.Url, args.Outcome.Exception?.Message, args.AttemptNumber + 1, settings.Retries, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(settings.Timeout).Build();
    }

    private async Task DownloadOnceAsync(HttpClient http, string cachePath, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(settings.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DownloadStatusException(response.StatusCode, response.ReasonPhrase);
        }

        var total = response.Content.Headers.ContentLength;
        var temporary = $"{cachePath}.{Guid.NewGuid():N}.part";
        try
        {
            await using (var source = await response.Content.ReadAsStreamAsync(cancellationToken))
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                long done = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    done += read;
                    progress?.Report(new CorpusLoadProgress("downloading", done, total));
                }

                if (total is { } announced && done != announced)
                {
                    throw new TruncatedDownloadException(done, announced);
                }
            }

            File.Move(temporary, cachePath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static bool IsDownloadFailure(Exception e) =>
        e is HttpRequestException or IOException or TimeoutRejectedException or DownloadStatusException || e is OperationCanceledException c && IsConnectTimeout(c);

    // SocketsHttpHandler reports an expired ConnectTimeout as a cancellation whose inner exception is a TimeoutException.
    private static bool IsConnectTimeout(OperationCanceledException e) => e.InnerException is TimeoutException;

    private string Describe(Exception e) => e switch
    {
        TimeoutRejectedException => $"no complete answer within {settings.Timeout.TotalSeconds:0.#} s",
        OperationCanceledException => $"no connection within {settings.ConnectTimeout.TotalSeconds:0.#} s",
        HttpRequestException { InnerException: { } inner } => $"{e.Message} {inner.Message}",
        _ => e.Message,
    };
}
