using LstmTerminal.Abstractions;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Corpus.Gutenberg;

/// <summary>
/// The complete works of Shakespeare from Project Gutenberg (ebook #100): downloaded once, cached, and handed back
/// without the Gutenberg header and licence. When the download fails it hands back the bundled Shakespeare excerpt
/// instead and says so, so a first start without network still trains.
/// </summary>
public sealed class GutenbergShakespeareProvider : ICorpusProvider
{
    private const string ProviderName = "gutenberg-shakespeare";

    private readonly PluginContext _context;
    private readonly ILogger _logger;

    public GutenbergShakespeareProvider(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _logger = context.CreateLogger(ProviderName);
    }

    public string Name => ProviderName;

    public string Description =>
        "The complete works of Shakespeare from Project Gutenberg, downloaded once and cached; a bundled excerpt when offline.";

    public async Task<Abstractions.Corpus> LoadAsync(CorpusRequest request, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = GutenbergSettings.Read(_context, ProviderName);
        if (request.RecordedSource == BundledShakespeare.Source)
        {
            return await BundledShakespeare.LoadAsync(
                "The checkpoint was trained on the bundled Shakespeare, so this run uses that text again (a fresh run trains on the complete works).",
                cancellationToken);
        }

        var cachePath = Path.Combine(settings.CacheDirectory, CacheFileName.For(settings.Url));
        var notices = new List<string>();
        if (File.Exists(cachePath))
        {
            _logger.LogInformation("Using the cached copy {CachePath} of {Url}.", cachePath, settings.Url);
            notices.Add($"Used the cached copy {cachePath}; delete it to download again.");
        }
        else
        {
            try
            {
                CreateCacheDirectory(settings.CacheDirectory);
                await new CorpusDownloader(settings, _logger).DownloadAsync(cachePath, progress, cancellationToken);
            }
            catch (DownloadFailedException e)
            {
                _logger.LogWarning("{Reason} Training on the bundled Shakespeare instead.", e.Message);
                return await BundledShakespeare.LoadAsync(
                    $"{e.Message} Training on the bundled Shakespeare (tinyshakespeare, 1.1 MB) instead; the complete works download " +
                    "at a later start once the network answers. To train on your own text: --corpus-path FILE.",
                    cancellationToken);
            }

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
            throw new DownloadFailedException(
                $"Cannot create the cache folder {directory} ({e.Message}); set Plugins:{ProviderName}:CacheDirectory to a writable folder.",
                e);
        }
    }
}
