using System.Globalization;

namespace LstmTerminal.Tests.Commands;

public sealed class SuggestVerbTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    [Fact]
    public async Task Suggest_Json_ListsTheTopTokens_MostLikelyFirst()
    {
        // Given a trained checkpoint
        // When the next token after a prime of the corpus is asked for, three of them
        var run = await CliRun.RunAsync(trained.Workspace.Args("suggest", "to be or not to", "--top", "3", "--json"));

        // Then three tokens come back, greedy's choice first, probabilities falling
        Assert.Equal(0, run.ExitCode);
        var tokens = run.Json.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Equal(3, tokens.Count);
        Assert.Equal("be", tokens[0].GetProperty("token").GetString());
        var probabilities = tokens.Select(t => t.GetProperty("probability").GetDouble()).ToList();
        Assert.Equal(probabilities.OrderDescending(), probabilities);
        Assert.All(probabilities, p => Assert.InRange(p, 0, 1));
        Assert.Equal("to be or not to", run.Json.GetProperty("prime").GetString());
        Assert.Empty(run.Json.GetProperty("unknownWords").EnumerateArray());
    }

    [Fact]
    public async Task Suggest_PrintsFiveTokensWithProbabilities_ByDefault()
    {
        // Given a trained checkpoint
        // When suggest runs without --top or --json
        var run = await CliRun.RunAsync(trained.Workspace.Args("suggest", "thou art"));

        // Then five lines of "token<TAB>probability", greedy's word first
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Trim().Split('\n').Select(l => l.Split('\t')).ToList();
        Assert.Equal(5, lines.Count);
        Assert.Equal("more", lines[0][0]);
        Assert.All(lines, l => Assert.InRange(double.Parse(l[1], CultureInfo.InvariantCulture), 0, 1));
    }

    [Fact]
    public async Task Suggest_NamesUnknownWords_AndStillPredicts()
    {
        // Given a trained checkpoint
        // When the prime holds a word the vocabulary lacks
        var run = await CliRun.RunAsync(trained.Workspace.Args("suggest", "thou art zyzzyva", "--json"));

        // Then the word is named on stderr and in the JSON, and five tokens still come
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("zyzzyva", run.Error);
        Assert.Equal(["zyzzyva"], run.Json.GetProperty("unknownWords").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(5, run.Json.GetProperty("tokens").GetArrayLength());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task Suggest_RefusesATopOutOfRange_WithExitCode2(string top)
    {
        // Given a trained checkpoint
        // When --top is out of its range
        var run = await CliRun.RunAsync(trained.Workspace.Args("suggest", "thou", "--top", top));

        // Then one line names the range, exit code 2
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: --top must be between 1 and 1000; it was {top}.", run.Error.Trim());
    }

    [Fact]
    public async Task Suggest_RefusesAPrimeWithoutWords_WithExitCode2()
    {
        // Given a trained checkpoint
        // When the prime has no words
        var run = await CliRun.RunAsync(trained.Workspace.Args("suggest", " ?! "));

        // Then the prime problem is explained in one line
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: The prime phrase has no words", run.Error);
    }
}
