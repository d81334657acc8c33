using LstmTerminal.Abstractions;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>
/// The complete works of Shakespeare from Project Gutenberg (ebook #100): downloaded once, cached, and handed back
/// without the Gutenberg header and licence.
/// </summary>
public sealed class GutenbergShakespeareProvider : ICorpusProvider
{
    private const string ProviderName = "gutenberg-shakespeare";

    private readonly PluginContext _context;
    private readonly ILogger _logger;
    private readonly CorpusDownloader _downloader;

    public GutenbergShakespeareProvider(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _logger = context.CreateLogger(ProviderName);

        // Polly owns the per-attempt timeout, so the client must not cut attempts short on its own.
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("LstmTerminal/1.0");
        _downloader = new CorpusDownloader(http, _logger);
    }

    public string Name => ProviderName;

    public string Description => "The complete works of Shakespeare from Project Gutenberg, downloaded once and cached.";

    public async Task<Abstractions.Corpus> LoadAsync(CorpusRequest request, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        var settings = GutenbergSettings.Read(_context, ProviderName);
        var cachePath = Path.Combine(settings.CacheDirectory, CacheFileName.For(settings.Url));
        var notices = new List<string>();
        if (File.Exists(cachePath))
        {
            _logger.LogInformation("Using the cached copy {CachePath} of {Url}.", cachePath, settings.Url);
            notices.Add($"Used the cached copy {cachePath}; delete it to download again.");
        }
        else
        {
            CreateCacheDirectory(settings.CacheDirectory);
            await _downloader.DownloadAsync(settings, cachePath, progress, cancellationToken);
            _logger.LogInformation("Downloaded {Url} to {CachePath}.", settings.Url, cachePath);
        }

        var text = await File.ReadAllTextAsync(cachePath, cancellationToken);
        var bytes = new FileInfo(cachePath).Length;
        progress?.Report(new CorpusLoadProgress("reading cache", bytes, bytes));
        var body = GutenbergMarkers.Strip(text, settings.Url.ToString());
        notices.AddRange(body.Notices);
        return new Abstractions.Corpus("The Complete Works of William Shakespeare (Project Gutenberg #100)", body.Text, settings.Url.ToString(), notices);
    }

    private static void CreateCacheDirectory(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CorpusUnavailableException(
                $"Cannot create the cache folder {directory} ({e.Message}). Set Plugins:{ProviderName}:CacheDirectory to a writable folder.",
                e);
        }
    }
}
