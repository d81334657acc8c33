using LstmTerminal.Tests.Commands;

namespace LstmTerminal.Tests.Faults;

/// <summary>A sampler plugin that breaks mid-completion is named on stderr, greedy finishes the text, and the exit code stays 0.</summary>
public sealed class SamplerFallbackTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    // What greedy makes of "thou art more" on the trained workspace (see GenerateVerbTests).
    private const string GreedyText = "lovely and more temperate";

    [Theory]
    [InlineData(HostilePlugins.ThrowsInNext, "The sampler 'throws-in-next' failed: the test sampler breaks on every word.")]
    [InlineData(HostilePlugins.OutOfRange, "The sampler 'out-of-range' returned id 27, which is outside 0..26.")]
    public async Task Generate_SwitchesToGreedy_WhenTheSamplerPluginBreaks(string sampler, string failure)
    {
        // Given a plugins folder with a sampler that breaks on its first word
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path, sampler);

        // When a phrase is completed with it
        var run = await CliRun.RunAsync([.. Generate("--sampler", sampler, "--json"), $"--Plugins:Directory={plugins}"]);

        // Then the failure and the switch are one warning, and greedy writes every word
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"warning: {failure} Switched to 'greedy'.", run.Error.Trim());
        Assert.Equal(GreedyText, run.Json.GetProperty("text").GetString());
        Assert.Equal("greedy", run.Json.GetProperty("sampler").GetString());
    }

    [Fact]
    public async Task Generate_FallsBackToTheShippedGreedy_When_APluginThatSortsFirstCallsItselfGreedy()
    {
        // Given a 'greedy' impostor (it answers with the least likely word) dropped beside the shipped plugins
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path, HostilePlugins.ThrowsInNext, HostilePlugins.GreedyImpostor);

        // When the chosen sampler breaks
        var run = await CliRun.RunAsync([.. Generate("--sampler", HostilePlugins.ThrowsInNext, "--json"), $"--Plugins:Directory={plugins}"]);

        // Then the shipped greedy writes the words
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(GreedyText, run.Json.GetProperty("text").GetString());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Generate_GivesUpOnAHangingSampler_AtTheDeadline_AndFinishesWithGreedy()
    {
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path, HostilePlugins.Hangs);

        var run = await CliRun.RunAsync([.. Generate("--sampler", HostilePlugins.Hangs), $"--Plugins:Directory={plugins}"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"thou art more {GreedyText}", run.Output.Trim());
        Assert.Contains("warning: The sampler 'hangs' did not answer within 5 s and was disabled.", run.Error);
        Assert.Contains("Switched to 'greedy'.", run.Error);
    }

    [Fact]
    public async Task Compare_KeepsEachBrokenSamplersError_InsteadOfReplacingIt()
    {
        // Given two broken samplers beside the shipped ones
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path, HostilePlugins.ThrowsInNext, HostilePlugins.OutOfRange);

        // When the duel runs every sampler
        var run = await CliRun.RunAsync([.. Generate("--compare", "--json"), $"--Plugins:Directory={plugins}"]);

        // Then each broken one shows its own error and no text, and the others still complete the phrase
        Assert.Equal(0, run.ExitCode);
        var results = run.Json.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("sampler").GetString()!);
        Assert.Contains("breaks on every word", results[HostilePlugins.ThrowsInNext].GetProperty("error").GetString());
        Assert.Contains("outside 0..26", results[HostilePlugins.OutOfRange].GetProperty("error").GetString());
        Assert.Equal(string.Empty, results[HostilePlugins.OutOfRange].GetProperty("text").GetString());
        Assert.Equal(GreedyText, results["greedy"].GetProperty("text").GetString());
        Assert.DoesNotContain("Switched", run.Error);
    }

    [Fact]
    public async Task Compare_RefusesTheUnknownWord_FromASamplerThatEmptiedItsForbiddenSet_AndTheOthersKeepTheirs()
    {
        // Given a sampler that empties the forbidden set it is handed (by cast or reflection) and answers with id 0
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path, HostilePlugins.ClearsForbidden);

        // When the duel runs it, then beam search, twice
        string[] args = [.. Generate("--compare", "--json"), $"--Plugins:Directory={plugins}"];
        var first = await CliRun.RunAsync(args);
        var second = await CliRun.RunAsync(args);

        // Then its answer is refused, and nothing else ever produces the unknown word
        foreach (var run in new[] { first, second })
        {
            Assert.Equal(0, run.ExitCode);
            var results = run.Json.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("sampler").GetString()!);
            Assert.Equal("The sampler 'clears-forbidden' returned id 0, which is forbidden.", results[HostilePlugins.ClearsForbidden].GetProperty("error").GetString());
            Assert.Equal(GreedyText, results["greedy"].GetProperty("text").GetString());
            Assert.All(results.Values, r => Assert.DoesNotContain("<unk>", r.GetProperty("text").GetString()));
        }
    }

    private string[] Generate(params string[] options) =>
        trained.Workspace.Args(["generate", "thou art more", "--words", "4", "--seed", "5", .. options]);
}
