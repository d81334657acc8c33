using System.Text.Json;
using LstmTerminal.Tests.Commands;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Faults;

/// <summary>
/// What a plugin writes to Console.Out or Console.Error, from its module initializer on, never reaches stdout (which
/// carries --json) or the terminal; it goes to the log, control characters made visible.
/// </summary>
public sealed class PluginConsoleOutputTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    [Fact]
    public async Task PluginsJson_StaysOneCleanObject_When_APluginWritesEscapeSequencesWhileLoading()
    {
        // Given a plugin that writes escape sequences from its module initializer and its constructor
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path, HostilePlugins.WritesStdout);
        var logs = temp.Combine("logs");

        // When the app lists its plugins as JSON
        var (exitCode, output, error) = await AppProcess.RunAsync(
            ["plugins", "--json", $"--Plugins:Directory={plugins}", $"--Plugins:UserDirectory={temp.Combine("none")}", $"--Logging:Directory={logs}"]);

        // Then stdout is the JSON object alone, neither stream carries an escape character, and the log has the lines
        Assert.Equal(0, exitCode);
        Assert.Contains(HostilePlugins.WritesStdout, JsonDocument.Parse(output).RootElement.GetProperty("plugins").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.DoesNotContain('\u001b', output + error);
        var log = LogText(logs);
        Assert.Contains("standard output (by a plugin?): ␛[2J␛]0;owned by writes-stdout␇writes-stdout module initializer", log);
        Assert.Contains("␛[2J␛]0;owned by writes-stdout␇writes-stdout constructor", log);
        Assert.Contains("standard error (by a plugin?): ␛[2J␛]0;owned by writes-stdout␇writes-stdout constructor on stderr", log);
    }

    [Fact]
    public async Task GenerateJson_StaysOneCleanObject_When_TheSamplerWritesToStandardOutputForEveryWord()
    {
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path, HostilePlugins.WritesStdout);
        var logs = temp.Combine("logs");

        var (exitCode, output, error) = await AppProcess.RunAsync(
        [
            .. trained.Workspace.Args("generate", "thou art more", "--words", "4", "--sampler", HostilePlugins.WritesStdout, "--json"),
            $"--Plugins:Directory={plugins}",
            $"--Logging:Directory={logs}",
        ]);

        Assert.Equal(0, exitCode);
        Assert.Equal("lovely and more temperate", JsonDocument.Parse(output).RootElement.GetProperty("text").GetString());
        Assert.DoesNotContain('\u001b', output + error);
        Assert.Contains("writes-stdout next", LogText(logs));
    }

    private static string LogText(string directory) =>
        string.Concat(Directory.GetFiles(directory, "*.log").Select(File.ReadAllText));
}
