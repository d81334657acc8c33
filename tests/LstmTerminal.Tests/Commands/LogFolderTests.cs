using LstmTerminal.Commands;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Commands;

/// <summary>The log folder: a blank setting means the default, and an unusable folder is said once and never pointed at.</summary>
public sealed class LogFolderTests
{
    [Fact]
    public async Task Verb_SaysInOneLine_ThatThereIsNoLog_WhenTheLogFolderCannotBeCreated_AndStillRuns()
    {
        // Given a log folder below a regular file, which nobody (not even root) can create
        using var workspace = new TinyWorkspace();
        var blocker = Path.Combine(workspace.Root, "blocker");
        File.WriteAllText(blocker, "a file, not a folder");

        // When
        var run = await CliRun.RunAsync([.. workspace.Args("plugins"), $"--Logging:Directory={Path.Combine(blocker, "logs")}"]);

        // Then
        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Error.Trim().Split('\n'));
        Assert.StartsWith($"warning: No log file: the log folder {Path.Combine(blocker, "logs")} (Logging:Directory) cannot be written:", line);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UnexpectedFailure_PointsAtTheLog_OnlyWhenOneIsWritten(bool writable)
    {
        // Given a verb body that fails in a way no user caused
        using var workspace = new TinyWorkspace();
        var logs = writable ? Path.Combine(workspace.Root, "logs") : Path.Combine(workspace.CorpusPath, "logs");
        var error = new StringWriter();
        var runner = new VerbRunner([$"--Logging:Directory={logs}"], TextWriter.Null, error);

        // When
        var exitCode = await runner.RunAsync<ConsoleOnlyVerb>(new Dictionary<string, string?>(), (_, _) => throw new InvalidOperationException("boom"), CancellationToken.None);

        // Then
        Assert.Equal(1, exitCode);
        var last = error.ToString().Trim().Split('\n')[^1];
        if (writable)
        {
            Assert.Equal("error: unexpected failure: boom Details are in the log file.", last);
            Assert.Contains("boom", File.ReadAllText(Assert.Single(Directory.GetFiles(logs, "*.log"))));
        }
        else
        {
            Assert.Equal("error: unexpected failure: boom", last);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task BlankLogFolder_MeansTheDefaultFolder(string blank)
    {
        // Given a blank setting, with the user's state folder (where the default log folder is) in a folder of its own
        using var workspace = new TinyWorkspace();
        var state = Path.Combine(workspace.Root, "state");

        // When
        var (exitCode, _, error) = await AppProcess.RunAsync(
            ["plugins", $"--Logging:Directory={blank}"], environment: [("XDG_STATE_HOME", state)], workingDirectory: workspace.Root);

        // Then
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error.Trim());
        Assert.True(Directory.Exists(Path.Combine(state, "lstm-terminal", "logs")));
    }

    /// <summary>A verb that needs nothing but its console, so the failure comes from its body.</summary>
    private sealed class ConsoleOnlyVerb(VerbConsole console)
    {
        public VerbConsole Console => console;
    }
}
