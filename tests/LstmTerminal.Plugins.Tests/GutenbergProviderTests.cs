using System.Diagnostics;
using System.Text;
using LstmTerminal.Abstractions;
using LstmTerminal.Plugins.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LstmTerminal.Plugins.Tests;

public sealed class GutenbergProviderTests : IDisposable
{
    private const string Header = "The Project Gutenberg eBook of The Complete Works of William Shakespeare\r\n\r\nRelease date: 1994\r\n\r\n";
    private const string StartLine = "*** START OF THE PROJECT GUTENBERG EBOOK THE COMPLETE WORKS OF WILLIAM SHAKESPEARE ***\r\n";
    private const string EndLine = "*** END OF THE PROJECT GUTENBERG EBOOK THE COMPLETE WORKS OF WILLIAM SHAKESPEARE ***\r\n";
    private const string Licence = "START: FULL LICENSE\r\nTHE FULL PROJECT GUTENBERG LICENSE\r\n";

    private static readonly Lazy<string> Plays = new(() => File.ReadAllText(SharedData.TinyShakespeare).Trim());

    private readonly TempFolder _cache = new();

    public void Dispose() => _cache.Dispose();

    private static byte[] Ebook(string body) => Encoding.UTF8.GetBytes(body);

    private static byte[] GutenbergEbook() => Ebook(Header + StartLine + "\r\n" + Plays.Value + "\r\n\r\n" + EndLine + Licence);

    private ICorpusProvider Provider(LoopbackHttpServer server, int retries = 0, double timeoutSeconds = 10, Uri? url = null) =>
        ShippedPlugins.CorpusProvider(
            "gutenberg-shakespeare",
            ("Url", (url ?? server.Url).ToString()),
            ("CacheDirectory", _cache.Path),
            ("Retries", retries.ToString()),
            ("TimeoutSeconds", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("RetryDelaySeconds", "0"));

    /// <summary>The bundled tinyshakespeare, untouched, with a notice that names the download's failure.</summary>
    private static void AssertBundled(Abstractions.Corpus corpus, string reason)
    {
        Assert.Equal(File.ReadAllText(SharedData.TinyShakespeare), corpus.Text);
        Assert.Contains("bundled", corpus.Title);
        Assert.Contains("bundled", corpus.Source);
        var notice = Assert.Single(corpus.Notices);
        Assert.Contains(reason, notice);
        Assert.Contains("Training on the bundled Shakespeare", notice);
    }

    private string[] CacheFiles() => Directory.Exists(_cache.Path) ? Directory.GetFiles(_cache.Path) : [];

    [Fact]
    public async Task LoadAsync_ReturnsThePlaysOnly_When_TheEbookIsDownloaded()
    {
        // Given
        var ebook = GutenbergEbook();
        await using var server = new LoopbackHttpServer(LoopbackReply.Ok(ebook));
        var progress = new CollectingProgress<CorpusLoadProgress>();

        // When
        var corpus = await Provider(server).LoadAsync(new CorpusRequest(), progress, CancellationToken.None);

        // Then the header and licence are gone, the plays untouched
        Assert.Equal(Plays.Value, corpus.Text);
        Assert.Empty(corpus.Notices);
        var downloads = progress.Reports.Where(r => r.Stage == "downloading").ToList();
        Assert.True(downloads.Count > 1, "a megabyte should arrive in several chunks");
        Assert.Equal(ebook.Length, downloads[^1].BytesDone);
        Assert.All(downloads, r => Assert.Equal(ebook.Length, r.BytesTotal));
    }

    [Fact]
    public async Task LoadAsync_ReusesTheCache_When_LoadedAgain()
    {
        // Given a first load
        var server = new LoopbackHttpServer(LoopbackReply.Ok(GutenbergEbook()));
        var provider = Provider(server);
        var first = await provider.LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // When loading again, then again with the server gone
        var second = await provider.LoadAsync(new CorpusRequest(), null, CancellationToken.None);
        var hits = server.Hits;
        await server.DisposeAsync();
        var third = await Provider(server).LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // Then
        Assert.Equal(1, hits);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Text, third.Text);
        Assert.Single(CacheFiles());
        Assert.StartsWith(_cache.Path, CacheFiles()[0]);
    }

    [Fact]
    public async Task LoadAsync_UsesTheWholeTextWithANotice_When_MarkersAreMissing()
    {
        // Given
        await using var server = new LoopbackHttpServer(LoopbackReply.Ok(Ebook("to be or not to be\n")));

        // When
        var corpus = await Provider(server).LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // Then
        Assert.Equal("to be or not to be", corpus.Text);
        Assert.Contains(corpus.Notices, n => n.Contains("No '*** START OF' line"));
        Assert.Contains(corpus.Notices, n => n.Contains("No '*** END OF' line"));
    }

    [Fact]
    public async Task LoadAsync_FallsBackToTheBundledTextWithoutRetryOrCache_When_TheServerAnswers404()
    {
        // Given
        await using var server = new LoopbackHttpServer(LoopbackReply.Failing(404));

        // When
        var corpus = await Provider(server, retries: 3).LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // Then
        AssertBundled(corpus, "(404");
        Assert.Equal(1, server.Hits);
        Assert.Empty(CacheFiles());
    }

    [Fact]
    public async Task LoadAsync_FallsBackToTheBundledText_When_TheConnectionIsRefused()
    {
        // Given a loopback port nobody listens on
        var provider = ShippedPlugins.CorpusProvider(
            "gutenberg-shakespeare", ("Url", LoopbackHttpServer.RefusingUrl().ToString()), ("CacheDirectory", _cache.Path), ("Retries", "1"), ("RetryDelaySeconds", "0"));

        // When
        var corpus = await provider.LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // Then
        AssertBundled(corpus, "after 2 attempts");
        Assert.Empty(CacheFiles());
    }

    [Fact]
    public async Task LoadAsync_FallsBackToTheBundledText_When_TheHostNameDoesNotResolve()
    {
        // Given a name that never resolves (RFC 6761 reserves .invalid), as on a machine without DNS
        var provider = ShippedPlugins.CorpusProvider(
            "gutenberg-shakespeare", ("Url", "http://lstm-terminal-test.invalid/pg100.txt"), ("CacheDirectory", _cache.Path), ("Retries", "0"));

        // When
        var corpus = await provider.LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // Then
        AssertBundled(corpus, "lstm-terminal-test.invalid");
    }

    [Fact]
    public async Task LoadAsync_FallsBackWithinTheConnectTimeout_When_ConnectionsHang()
    {
        // Given a port that drops connection attempts, and an attempt timeout far longer than the test may run
        using var stalled = new StalledListener();
        var provider = ShippedPlugins.CorpusProvider(
            "gutenberg-shakespeare", ("Url", stalled.Url.ToString()), ("CacheDirectory", _cache.Path), ("Retries", "1"), ("RetryDelaySeconds", "0"),
            ("ConnectTimeoutSeconds", "1"), ("TimeoutSeconds", "3600"));
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // When
        var corpus = await provider.LoadAsync(new CorpusRequest(), null, hang.Token);

        // Then the connect timeout, not the hour-long attempt timeout, ended each attempt
        AssertBundled(corpus, "no connection within 1 s");
        Assert.Contains("after 2 attempts", corpus.Notices[0]);
    }

    [Fact]
    public async Task LoadAsync_ReturnsTheBundledTextWithoutDownloading_When_TheCheckpointRecordsIt()
    {
        // Given a working server and a request from a checkpoint that was trained on the bundled text
        await using var server = new LoopbackHttpServer(LoopbackReply.Ok(GutenbergEbook()));
        var bundled = await Provider(server, url: LoopbackHttpServer.RefusingUrl()).LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // When
        var resumed = await Provider(server).LoadAsync(new CorpusRequest { RecordedSource = bundled.Source }, null, CancellationToken.None);

        // Then
        Assert.Equal(bundled.Source, resumed.Source);
        Assert.Equal(bundled.Text, resumed.Text);
        Assert.Equal(0, server.Hits);
        Assert.Contains(resumed.Notices, n => n.Contains("trained on the bundled Shakespeare, so this run uses that text again"));
    }

    [Fact]
    public async Task LoadAsync_CachesInThePluginCacheFolderOfTheContext_When_NoCacheDirectoryIsSet()
    {
        // Given a context with a cache root and no CacheDirectory setting
        await using var server = new LoopbackHttpServer(LoopbackReply.Ok(GutenbergEbook()));
        var context = new PluginContext(
            new Dictionary<string, string> { ["gutenberg-shakespeare:Url"] = server.Url.ToString() }, NullLoggerFactory.Instance, _cache.Path);
        var provider = ShippedPlugins.CorpusProvider("gutenberg-shakespeare", context);

        // When
        await provider.LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // Then
        var file = Assert.Single(Directory.GetFiles(_cache.Path, "*", SearchOption.AllDirectories));
        Assert.Equal(Path.Combine(_cache.Path, "gutenberg-shakespeare"), Path.GetDirectoryName(file));
    }

    [Fact]
    public async Task LoadAsync_RetriesAndSucceeds_When_TheServerFailsOnce()
    {
        // Given
        var ebook = GutenbergEbook();
        await using var server = new LoopbackHttpServer(hit => hit == 1 ? LoopbackReply.Failing(503) : LoopbackReply.Ok(ebook));

        // When
        var corpus = await Provider(server, retries: 2).LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // Then
        Assert.Equal(Plays.Value, corpus.Text);
        Assert.Equal(2, server.Hits);
    }

    [Fact]
    public async Task LoadAsync_LeavesNoFileBehind_When_TheBodyIsTruncated()
    {
        // Given a server that announces the whole ebook but hangs up halfway, every time
        await using var server = new LoopbackHttpServer(LoopbackReply.Truncated(GutenbergEbook()));

        // When
        var corpus = await Provider(server, retries: 1).LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // Then
        AssertBundled(corpus, "after 2 attempts");
        Assert.Equal(2, server.Hits);
        Assert.Empty(CacheFiles());
    }

    [Fact]
    public async Task LoadAsync_FallsBackInBoundedTime_When_TheServerIsTooSlow()
    {
        // Given a server that takes far longer than the one-second timeout, for each of three attempts
        await using var server = new LoopbackHttpServer(LoopbackReply.Slow(GutenbergEbook(), TimeSpan.FromSeconds(30)));
        var clock = Stopwatch.StartNew();

        // When
        var corpus = await Provider(server, retries: 2, timeoutSeconds: 1).LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // Then
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        AssertBundled(corpus, "within 1 s");
        Assert.Equal(3, server.Hits);
        Assert.Empty(CacheFiles());
    }

    [Fact]
    public async Task LoadAsync_StopsWithoutCache_When_TheCallerCancels()
    {
        // Given a download that would take long
        await using var server = new LoopbackHttpServer(LoopbackReply.Slow(GutenbergEbook(), TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // When
        var load = Provider(server, retries: 3).LoadAsync(new CorpusRequest(), null, cancel.Token);

        // Then cancellation is not dressed up as a download failure, and nothing is cached
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => load);
        Assert.Equal(1, server.Hits);
        Assert.Empty(CacheFiles());
    }

    [Fact]
    public async Task LoadAsync_KeepsTheCacheInsideItsFolder_When_TheUrlHoldsPathTricks()
    {
        // Given a URL whose last segment would climb out of the cache folder if used as a file name
        await using var server = new LoopbackHttpServer(LoopbackReply.Ok(GutenbergEbook()));
        var url = new Uri(server.Url, "/..%2F..%2Fescape.txt");

        // When
        await Provider(server, url: url).LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // Then
        var file = Assert.Single(CacheFiles());
        Assert.Equal(_cache.Path, Path.GetDirectoryName(file));
    }

    [Fact]
    public async Task LoadAsync_NamesTheSetting_When_ASettingIsInvalid()
    {
        // Given
        var provider = ShippedPlugins.CorpusProvider("gutenberg-shakespeare", ("Retries", "many"), ("CacheDirectory", _cache.Path));

        // When
        var error = await Assert.ThrowsAsync<CorpusUnavailableException>(() => provider.LoadAsync(new CorpusRequest(), null, CancellationToken.None));

        // Then
        Assert.Contains("Plugins:gutenberg-shakespeare:Retries is 'many'", error.Message);
    }
}
