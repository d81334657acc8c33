using LstmTerminal.Tests.Commands;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Offline;

/// <summary>
/// The app's own files go to the user's folders, never the one the user stands in: logs to the XDG state folder, the
/// download cache to the XDG cache folder (or their fallbacks under HOME). Only checkpoints stay in the working folder.
/// </summary>
[Trait("Category", "Slow")]
public sealed class UserFolderTests : IDisposable
{
    private readonly TinyWorkspace _workspace = new();
    private readonly string _workingFolder;
    private readonly string _state;
    private readonly string _cache;

    private readonly string _pluginsWithABrokenOne;

    public UserFolderTests()
    {
        _workingFolder = Directory.CreateDirectory(Path.Combine(_workspace.Root, "here")).FullName;
        _state = Path.Combine(_workspace.Root, "state");
        _cache = Path.Combine(_workspace.Root, "cache");

        // Every verb logs the load error of a broken plugin, so each one has something to write to its log.
        _pluginsWithABrokenOne = HostilePlugins.Folder(_workspace.Root);
        var broken = Directory.CreateDirectory(Path.Combine(_pluginsWithABrokenOne, "Broken")).FullName;
        File.WriteAllText(Path.Combine(broken, "Broken.dll"), "not an assembly");
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task GenerateEvalAndPlugins_CreateNothingInTheWorkingFolder_AndLogToTheStateFolder()
    {
        // Given a trained checkpoint elsewhere
        Assert.Equal(0, (await CliRun.RunAsync(_workspace.Args("train", "--max-steps", "2"))).ExitCode);

        // When each verb runs from an empty working folder
        foreach (var verb in new[] { new[] { "generate", "thou art" }, ["eval"], ["plugins"] })
        {
            var (exitCode, _, error) = await Run(WithoutLogSetting(_workspace.Args(verb)));

            // Then it worked, and left the working folder as it was
            Assert.True(exitCode == 0, $"{verb[0]}: {error}");
            Assert.Empty(Directory.GetFileSystemEntries(_workingFolder));
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_state, "lstm-terminal", "logs"), "*.log"));
    }

    [Fact]
    public async Task Train_CachesTheDownloadInTheCacheFolder_AndSaysWhereCheckpointsGo()
    {
        // Given the default corpus served by a loopback server
        await using var server = new LoopbackHttpServer(LoopbackReply.Ok(TinyCorpus.GutenbergEbook()));

        // When training from the working folder with the default checkpoint folder
        var (exitCode, _, error) = await Run(
            [.. WithoutLogSetting(_workspace.ModelArgs("train", "--max-steps", "1")).Where(a => !a.StartsWith("--Training:CheckpointDirectory", StringComparison.Ordinal)),
             $"--Plugins:gutenberg-shakespeare:Url={server.Url}"]);

        // Then the download sits in the cache folder and only checkpoints/ in the working folder, as the app said
        Assert.True(exitCode == 0, error);
        Assert.Single(Directory.GetFiles(Path.Combine(_cache, "lstm-terminal", "gutenberg-shakespeare"), "*.txt"));
        Assert.Equal([Path.Combine(_workingFolder, "checkpoints")], Directory.GetFileSystemEntries(_workingFolder));
        Assert.Contains($"checkpoints go to {Path.Combine(_workingFolder, "checkpoints")}", error);
    }

    [Fact]
    public async Task Logs_GoUnderHome_When_XdgStateHomeIsUnset()
    {
        var home = Directory.CreateDirectory(Path.Combine(_workspace.Root, "home")).FullName;

        var (exitCode, _, error) = await AppProcess.RunAsync(
            WithoutLogSetting(_workspace.Args("plugins")), [("XDG_STATE_HOME", ""), ("HOME", home)], _workingFolder);

        // The broken plugin's load error is logged in the fallback state folder
        Assert.True(exitCode == 0, error);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(home, ".local", "state", "lstm-terminal", "logs"), "*.log"));
        Assert.Empty(Directory.GetFileSystemEntries(_workingFolder));
    }

    private Task<(int ExitCode, string Output, string Error)> Run(IEnumerable<string> args) =>
        AppProcess.RunAsync(args, [("XDG_STATE_HOME", _state), ("XDG_CACHE_HOME", _cache)], _workingFolder);

    /// <summary>The arguments without the workspace's log folder, so the default applies, and with the broken plugin.</summary>
    private string[] WithoutLogSetting(string[] args) =>
        [.. args.Where(a => !a.StartsWith("--Logging:Directory", StringComparison.Ordinal)), $"--Plugins:Directory={_pluginsWithABrokenOne}"];
}
