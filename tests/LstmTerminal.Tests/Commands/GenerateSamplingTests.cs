using System.Text.Json;

namespace LstmTerminal.Tests.Commands;

/// <summary><c>generate</c> with the samplers and controls of issue 5: top-k, nucleus, beam, repetition controls, --compare.</summary>
public sealed class GenerateSamplingTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    private static string[] WordsOf(JsonElement json) => json.GetProperty("text").GetString()!.Split(' ');

    [Fact]
    public async Task Compare_Json_ReportsEverySamplerAndBeam_WithTheirFigures()
    {
        // When
        var run = await CliRun.RunAsync(trained.Workspace.Args("generate", "thou art zyzzyva", "--compare", "--words", "6", "--seed", "9", "--json"));

        // Then
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("thou art zyzzyva", json.GetProperty("prime").GetString());
        Assert.Equal(["zyzzyva"], json.GetProperty("unknownWords").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(9, json.GetProperty("seed").GetInt32());
        Assert.Equal(6, json.GetProperty("words").GetInt32());
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["greedy", "nucleus", "temperature", "top-k", "beam"], results.Select(r => r.GetProperty("sampler").GetString()));
        Assert.All(results, r =>
        {
            Assert.Equal(6, WordsOf(r).Length);
            Assert.InRange(r.GetProperty("averageLogProbability").GetDouble(), double.MinValue, 0);
            Assert.InRange(r.GetProperty("repeatedBigrams").GetInt32(), 0, 6);
        });
    }

    [Fact]
    public async Task Compare_PrintsATableWithARowPerSampler()
    {
        // When
        var run = await CliRun.RunAsync(trained.Workspace.Args("generate", "to be or not to", "--compare", "--words", "4", "--seed", "2"));

        // Then
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Trim().Split('\n');
        Assert.Contains("avg log-p", lines[1]);
        Assert.Contains("rep. bigrams", lines[1]);
        Assert.Equal(["greedy", "nucleus", "temperature", "top-k", "beam"], lines.Skip(2).Select(l => l.Split(' ')[0]));
        Assert.Contains("be that is the", lines[2]);
    }

    [Fact]
    public async Task Compare_IsReproducible_WithTheSameSeed()
    {
        string[] args = ["generate", "to be", "--compare", "--temperature", "1.5", "--words", "8", "--seed", "11", "--no-repeat-ngram", "2", "--json"];

        var first = await CliRun.RunAsync(trained.Workspace.Args(args));
        var second = await CliRun.RunAsync(trained.Workspace.Args(args));

        Assert.Equal(first.Output, second.Output);
        Assert.All(first.Json.GetProperty("results").EnumerateArray(), r => Assert.Equal(0, r.GetProperty("repeatedBigrams").GetInt32()));
    }

    [Theory]
    [InlineData("top-k", "--top-k", "3")]
    [InlineData("nucleus", "--top-p", "0.8")]
    public async Task Generate_IsReproducible_WithTheNewSamplers(string sampler, string option, string value)
    {
        string[] args = ["generate", "thou", "--sampler", sampler, option, value, "--temperature", "2", "--words", "10", "--seed", "4", "--json"];

        var first = await CliRun.RunAsync(trained.Workspace.Args(args));
        var second = await CliRun.RunAsync(trained.Workspace.Args(args));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(sampler, first.Json.GetProperty("sampler").GetString());
        Assert.Equal(10, WordsOf(first.Json).Length);
        Assert.Equal(first.Json.GetProperty("text").GetString(), second.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Generate_Beam_OfWidthOne_EqualsGreedy()
    {
        var beam = await CliRun.RunAsync(trained.Workspace.Args("generate", "wherefore art", "--sampler", "beam", "--beam-width", "1", "--words", "7", "--json"));
        var greedy = await CliRun.RunAsync(trained.Workspace.Args("generate", "wherefore art", "--sampler", "greedy", "--words", "7", "--json"));

        Assert.Equal(0, beam.ExitCode);
        Assert.Equal("beam", beam.Json.GetProperty("sampler").GetString());
        Assert.Equal(greedy.Json.GetProperty("text").GetString(), beam.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Generate_NoRepeatNgram_KeepsGreedyFromRepeatingABigram()
    {
        // Given greedy on the tiny corpus, whose four lines come round again within 40 words
        var plain = await CliRun.RunAsync(trained.Workspace.Args("generate", "to be or not to", "--sampler", "greedy", "--words", "40", "--json"));
        var banned = await CliRun.RunAsync(trained.Workspace.Args("generate", "to be or not to", "--sampler", "greedy", "--words", "40", "--no-repeat-ngram", "2", "--json"));

        // Then
        static int Repeats(string prime, JsonElement json)
        {
            string[] words = [.. prime.Split(' '), .. WordsOf(json)];
            return Enumerable.Range(1, words.Length - 1).Select(i => (words[i - 1], words[i])).GroupBy(b => b).Sum(g => g.Count() - 1);
        }

        Assert.True(Repeats("to be or not to", plain.Json) > 0);
        Assert.Equal(0, Repeats("to be or not to", banned.Json));
    }

    [Theory]
    [InlineData("--repetition-penalty", "0.5", "Sampling:RepetitionPenalty")]
    [InlineData("--repetition-penalty", "11", "Sampling:RepetitionPenalty")]
    [InlineData("--no-repeat-ngram", "1", "Sampling:NoRepeatNgram")]
    [InlineData("--no-repeat-ngram", "-1", "Sampling:NoRepeatNgram")]
    [InlineData("--top-k", "-1", "Sampling:TopK")]
    [InlineData("--top-p", "0", "Sampling:TopP")]
    [InlineData("--top-p", "1.5", "Sampling:TopP")]
    [InlineData("--beam-width", "0", "Sampling:BeamWidth")]
    [InlineData("--beam-width", "65", "Sampling:BeamWidth")]
    [InlineData("--words", "0", "Sampling:Words")]
    [InlineData("--words", "10001", "Sampling:Words")]
    [InlineData("--temperature", "100.5", "Sampling:Temperature")]
    [InlineData("--top-k", "1000001", "Sampling:TopK")]
    [InlineData("--no-repeat-ngram", "11", "Sampling:NoRepeatNgram")]
    public async Task Generate_RefusesAnOptionOutOfRange_NamingTheKey(string option, string value, string key)
    {
        var run = await CliRun.RunAsync(trained.Workspace.Args("generate", "thou", "--compare", option, value));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(key, run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Generate_AcceptsTheLimitsOfTheSamplingOptions()
    {
        // When the words, then every other option, are at the far end of their range
        var most = await CliRun.RunAsync(trained.Workspace.Args("generate", "thou", "--sampler", "greedy", "--words", "10000", "--json"));
        var far = await CliRun.RunAsync(trained.Workspace.Args(
            "generate", "thou", "--sampler", "top-k", "--words", "12", "--temperature", "100", "--top-k", "1000000", "--top-p", "1",
            "--repetition-penalty", "10", "--no-repeat-ngram", "10", "--beam-width", "64", "--seed", "1", "--json"));

        // Then both complete
        Assert.Equal(0, most.ExitCode);
        Assert.Equal(10_000, most.Json.GetProperty("words").GetArrayLength());
        Assert.Equal(0, far.ExitCode);
        Assert.Equal(12, far.Json.GetProperty("words").GetArrayLength());
    }
}
