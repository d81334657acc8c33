using System.Diagnostics;
using System.Text;
using LstmTerminal.Abstractions;
using LstmTerminal.Plugins.Tests.Support;

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
    public async Task LoadAsync_FailsWithoutRetryOrCache_When_TheServerAnswers404()
    {
        // Given
        await using var server = new LoopbackHttpServer(LoopbackReply.Failing(404));

        // When
        var error = await Assert.ThrowsAsync<CorpusUnavailableException>(
            () => Provider(server, retries: 3).LoadAsync(new CorpusRequest(), null, CancellationToken.None));

        // Then
        Assert.Contains("(404", error.Message);
        Assert.Contains("--Corpus:Provider=text-file --Corpus:Path=FILE", error.Message);
        Assert.Equal(1, server.Hits);
        Assert.Empty(CacheFiles());
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
        var error = await Assert.ThrowsAsync<CorpusUnavailableException>(
            () => Provider(server, retries: 1).LoadAsync(new CorpusRequest(), null, CancellationToken.None));

        // Then
        Assert.Contains("after 2 attempts", error.Message);
        Assert.Equal(2, server.Hits);
        Assert.Empty(CacheFiles());
    }

    [Fact]
    public async Task LoadAsync_GivesUpInBoundedTime_When_TheServerIsTooSlow()
    {
        // Given a server that takes far longer than the one-second timeout, for each of three attempts
        await using var server = new LoopbackHttpServer(LoopbackReply.Slow(GutenbergEbook(), TimeSpan.FromSeconds(30)));
        var clock = Stopwatch.StartNew();

        // When
        var error = await Assert.ThrowsAsync<CorpusUnavailableException>(
            () => Provider(server, retries: 2, timeoutSeconds: 1).LoadAsync(new CorpusRequest(), null, CancellationToken.None));

        // Then
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("within 1 s", error.Message);
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
