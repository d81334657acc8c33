using LstmTerminal.Abstractions;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>
/// Downloads a file into the cache with bounded retries and a per-attempt timeout. The body goes to a temporary file
/// beside the cache file and is renamed only when complete, so a failed or cancelled download leaves no cache behind.
/// </summary>
internal sealed class CorpusDownloader(HttpClient http, ILogger logger)
{
    private const int BufferSize = 81920;

    public async Task DownloadAsync(GutenbergSettings settings, string cachePath, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            await BuildPipeline(settings).ExecuteAsync(
                async token =>
                {
                    attempts++;
                    await DownloadOnceAsync(settings.Url, cachePath, progress, token);
                },
                cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsDownloadFailure(e))
        {
            var tries = attempts > 1 ? $" after {attempts} attempts" : "";
            throw new CorpusUnavailableException(
                $"Could not download {settings.Url} ({Describe(e, settings)}){tries}. Check the network connection and the setting " +
                "Plugins:gutenberg-shakespeare:Url, or train on a local file: --Corpus:Provider=text-file --Corpus:Path=FILE " +
                "(with the train verb also --corpus text-file --corpus-path FILE).",
                e);
        }
    }

    private ResiliencePipeline BuildPipeline(GutenbergSettings settings)
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

    private async Task DownloadOnceAsync(Uri url, string cachePath, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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
        e is HttpRequestException or IOException or TimeoutRejectedException or DownloadStatusException;

    private static string Describe(Exception e, GutenbergSettings settings) => e switch
    {
        TimeoutRejectedException => $"no complete answer within {settings.Timeout.TotalSeconds:0.#} s",
        HttpRequestException { InnerException: { } inner } => $"{e.Message} {inner.Message}",
        _ => e.Message,
    };
}
