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
        foreach (var field in new[] { "trainTokensPerSecond", "generateMsPerWord", "gemmGflops", "flopsPerToken", "boundFraction", "peakWorkingSetMb" })
        {
            Assert.True(json.GetProperty(field).GetDouble() > 0, $"{field} = {json.GetProperty(field)}");
        }

        Assert.Equal(3, json.GetProperty("timedSteps").GetInt32());
        // 3 x (8 H (E + H) + 2 H V) for H = E = 16 and V = 27.
        Assert.Equal(3 * (8 * 16 * 32 + 2 * 16 * 27), json.GetProperty("flopsPerToken").GetDouble());
        Assert.False(Directory.Exists(workspace.CheckpointDirectory));
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
