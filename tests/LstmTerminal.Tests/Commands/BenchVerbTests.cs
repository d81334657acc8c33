using LstmTerminal.Core.Data;
namespace LstmTerminal.Tests.Commands;

public sealed class BenchVerbTests
{
    [Fact]
    public async Task Bench_Json_PrintsEveryMeasurement()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync(workspace.Args("bench", "--corpus-path", workspace.CorpusPath, "--steps", "3", "--json"));

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        foreach (var field in new[] { "trainTokensPerSecond", "trainCharactersPerSecond", "generateMsPerWord", "gemmGflops", "flopsPerToken", "boundFraction", "peakWorkingSetMb" })
        {
            Assert.True(json.GetProperty(field).GetDouble() > 0, $"{field} = {json.GetProperty(field)}");
        }

        Assert.Equal(3, json.GetProperty("timedSteps").GetInt32());
        // 3 x (8 H (E + H) + 2 H V) for H = E = 16 and V = 27.
        Assert.Equal(3 * (8 * 16 * 32 + 2 * 16 * 27), json.GetProperty("flopsPerToken").GetDouble());
        Assert.False(Directory.Exists(workspace.CheckpointDirectory));
    }

    [Fact]
    public async Task Bench_Json_CountsTheTrainingTextsCharacters_AndSharesTheStepsTime()
    {
        // Given the tiny corpus (lines of 7, 10, 7 and 8 words in turn) and its training text, cut before the validation's line
        using var workspace = new TinyWorkspace();
        var text = File.ReadAllText(workspace.CorpusPath);
        var trainingText = text[..ValidationCut.Offset(text, 0.1)];
        var charactersPerWord = (double)trainingText.Length / trainingText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

        // When bench runs at the word level
        var run = await CliRun.RunAsync(workspace.Args("bench", "--corpus-path", workspace.CorpusPath, "--steps", "3", "--json"));

        // Then characters per second are tokens per second times the training text's characters per word
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        var expected = json.GetProperty("trainTokensPerSecond").GetDouble() * charactersPerWord;
        Assert.Equal(expected, json.GetProperty("trainCharactersPerSecond").GetDouble(), tolerance: expected * 1e-9);
        // And the step's phases and the rest share its time
        var shares = json.GetProperty("stepShares");
        var parts = new[] { "lstmForward", "outputAndLoss", "backward", "clipAndOptimizer" }.Select(name => shares.GetProperty(name).GetDouble()).ToArray();
        Assert.All(parts, share => Assert.InRange(share, 1e-9, 1.0));
        Assert.Equal(1.0, parts.Sum() + shares.GetProperty("other").GetDouble(), 6);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2147483646")] // with the two warm-up steps, past the largest step limit
    [InlineData("2147483647")]
    public async Task Bench_RefusesStepsOutsideItsRange_NamingTheLimit(string steps)
    {
        var run = await CliRun.RunAsync("bench", "--steps", steps);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: --steps must be between 1 and 2147483645, not {steps}.", run.Error.Trim());
    }
}
