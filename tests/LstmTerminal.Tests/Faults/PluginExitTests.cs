using LstmTerminal.Tests.Commands;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Faults;

/// <summary>
/// A plugin that calls Environment.Exit(0) ends the process, which nothing can prevent; the exit is made visible:
/// one line on stderr and a non-zero exit code. (The terminal UI's restore is checked in tmux, tests/e2e/plugin-exit-e2e.sh.)
/// </summary>
public sealed class PluginExitTests
{
    [Fact]
    public async Task TrainJson_ExitsWithOne_AndSaysSo_When_ASamplerPluginCallsEnvironmentExitWithZero()
    {
        // Given training samples written by a sampler that calls Environment.Exit(0)
        using var workspace = new TinyWorkspace();
        var plugins = HostilePlugins.Folder(workspace.Root, HostilePlugins.Exits);

        // When train --json runs
        var (exitCode, output, error) = await AppProcess.RunAsync(
        [
            .. workspace.Args("train", "--json", "--max-steps", "20"),
            $"--Plugins:Directory={plugins}",
            $"--Sampling:Sampler={HostilePlugins.Exits}",
            "--Training:EvalEvery=2",
        ]);

        // Then the exit is not mistaken for success: no JSON, code 1, and the reason as the last line on stderr
        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Equal(
            "error: lstm-terminal did not finish: the process is ending (a plugin called Environment.Exit, or a signal arrived); " +
            "its work is incomplete and nothing more will be written.",
            error.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task Plugins_ExitsWithZero_AndSaysNothingMore_When_NothingEndsItEarly()
    {
        using var workspace = new TinyWorkspace();

        var (exitCode, _, error) = await AppProcess.RunAsync(workspace.Args("plugins"));

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("did not finish", error);
    }
}
