using LstmTerminal.Tests.Commands;

namespace LstmTerminal.Tests.Faults;

/// <summary>
/// A corpus plugin that breaks is replaced by Corpus:FallbackProvider with a warning; a plugin that merely reports the
/// corpus unavailable (a missing file) is the user's to fix and is not.
/// </summary>
public sealed class CorpusFallbackTests : IDisposable
{
    private readonly TinyWorkspace _workspace = new();

    [Fact]
    public async Task Train_LoadsTheFallbackProvider_WhenTheCorpusPluginThrows()
    {
        var run = await Train(HostilePlugins.ThrowingCorpus, fallback: "text-file");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("warning: The corpus plugin 'throwing-corpus' failed: the test corpus breaks on load. Switched to the 'text-file' corpus.", run.Error);
        Assert.Equal(2, run.Json.GetProperty("steps").GetInt32());
        Assert.Equal(27, run.Json.GetProperty("vocabularySize").GetInt32());
    }

    [Fact]
    public async Task Train_NamesBothProviders_WhenTheFallbackFailsToo()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_workspace.Root, "empty")).FullName;

        var run = await Train(HostilePlugins.ThrowingCorpus, fallback: "text-file", $"--Corpus:Path={empty}");

        Assert.Equal(2, run.ExitCode);
        var error = run.Error.Trim().Split('\n')[^1];
        Assert.StartsWith("error: The corpus plugin 'throwing-corpus' failed: the test corpus breaks on load. The fallback corpus 'text-file' failed too: ", error);
        Assert.Contains($"{empty} holds no .txt files", error);
    }

    [Fact]
    public async Task Train_DoesNotFallBack_WhenTheCorpusIsMerelyUnavailable()
    {
        // Given text-file pointed at a folder without text, and a fallback that would announce itself by failing
        var empty = Directory.CreateDirectory(Path.Combine(_workspace.Root, "empty")).FullName;

        var run = await Train("text-file", fallback: HostilePlugins.ThrowingCorpus, $"--Corpus:Path={empty}");

        // Then the user reads text-file's own message, and the fallback was never tried
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: The folder {empty} holds no .txt files.", run.Error.Trim());
        Assert.DoesNotContain("throwing-corpus", run.Error);
    }

    [Fact]
    public async Task Eval_NeverScoresASubstituteCorpus()
    {
        var trained = await CliRun.RunAsync(_workspace.Args("train", "--max-steps", "1"));
        Assert.Equal(0, trained.ExitCode);

        var run = await CliRun.RunAsync([.. _workspace.Args("eval", "--corpus", HostilePlugins.ThrowingCorpus), .. Plugins(fallback: "text-file")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: The corpus plugin 'throwing-corpus' failed: the test corpus breaks on load", run.Error.Trim());
    }

    public void Dispose() => _workspace.Dispose();

    private Task<CliRun> Train(string provider, string fallback, params string[] settings) =>
        CliRun.RunAsync([.. _workspace.Args("train", "--corpus", provider, "--max-steps", "2", "--json"), .. Plugins(fallback), .. settings]);

    private string[] Plugins(string fallback) =>
        [$"--Plugins:Directory={HostilePlugins.Folder(_workspace.Root, HostilePlugins.ThrowingCorpus)}", $"--Corpus:FallbackProvider={fallback}"];
}
