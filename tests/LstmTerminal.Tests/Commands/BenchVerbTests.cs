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

    [Fact]
    public async Task Bench_RefusesZeroSteps()
    {
        var run = await CliRun.RunAsync("bench", "--steps", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--steps", run.Error);
    }
}
