using System.Text.Json;
using LstmTerminal.Tests.Commands;

namespace LstmTerminal.Tests.Offline;

/// <summary>
/// The default corpus without network: the Gutenberg plugin trains on its bundled Shakespeare, says so, and records it
/// in the checkpoint, so a later eval or resume keeps to that text even once the download would work.
/// </summary>
public sealed class OfflineStartTests : IDisposable
{
    private readonly TinyWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Train_TrainsOnTheBundledShakespeare_When_TheDownloadIsRefused()
    {
        // Given the default corpus and a download address that refuses connections
        var args = DefaultCorpus(LoopbackHttpServer.RefusingUrl(), "train", "--max-steps", "3", "--json");

        // When
        var run = await CliRun.RunAsync(args);

        // Then it trains, says why and on what, and the checkpoint records the bundled text
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(3, run.Json.GetProperty("steps").GetInt32());
        Assert.Contains("Connection refused", run.Error);
        Assert.Contains("Training on the bundled Shakespeare", run.Error);
        Assert.Contains("corpus Shakespeare (offline, bundled): 203,127 words", run.Error);
        Assert.StartsWith("bundled tinyshakespeare.txt", RecordedCorpus());
    }

    [Fact]
    public async Task EvalAndResume_KeepToTheBundledText_When_TheDownloadWorksLater()
    {
        // Given a checkpoint trained offline, and then a server that would hand out the complete works
        var offline = await CliRun.RunAsync(DefaultCorpus(LoopbackHttpServer.RefusingUrl(), "train", "--max-steps", "2", "--json"));
        Assert.True(offline.ExitCode == 0, offline.Error);
        await using var server = new LoopbackHttpServer(LoopbackReply.Ok(TinyCorpus.GutenbergEbook()));

        // When it is evaluated and resumed
        var eval = await CliRun.RunAsync(DefaultCorpus(server.Url, "eval", "--json"));
        var resumed = await CliRun.RunAsync(DefaultCorpus(server.Url, "train", "--resume", "--max-steps", "4", "--json"));

        // Then both use the bundled text again, never the download
        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Equal(0, server.Hits);
        Assert.Contains("trained on the bundled Shakespeare, so this run uses that text again", eval.Error);
        Assert.Contains("corpus Shakespeare (offline, bundled)", resumed.Error);
        Assert.Equal(4, resumed.Json.GetProperty("steps").GetInt32());
        Assert.StartsWith("bundled tinyshakespeare.txt", RecordedCorpus());
    }

    private string[] DefaultCorpus(Uri url, params string[] verbArgs) =>
    [
        .. _workspace.ModelArgs(verbArgs),
        $"--Plugins:gutenberg-shakespeare:Url={url}",
        $"--Plugins:gutenberg-shakespeare:CacheDirectory={Path.Combine(_workspace.Root, "cache")}",
        "--Plugins:gutenberg-shakespeare:RetryDelaySeconds=0",
    ];

    private string RecordedCorpus()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_workspace.CheckpointDirectory, "checkpoint.json")));
        return manifest.RootElement.GetProperty("corpus").GetString()!;
    }
}
