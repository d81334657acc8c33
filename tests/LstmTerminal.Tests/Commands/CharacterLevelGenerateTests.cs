using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Commands;

/// <summary>generate on a character-level checkpoint, through the libtorch-free path: the text as the corpus writes it.</summary>
public sealed class CharacterLevelGenerateTests(CharacterWorkspace trained) : IClassFixture<CharacterWorkspace>
{
    [Fact]
    public async Task Generate_PrintsCapitalsPunctuationAndLineBreaks_WithoutSpacesBetweenCharacters()
    {
        // When a prime with a line break typed as \n is completed greedily
        var run = await CliRun.RunAsync(trained.Args("generate", @"KING:\nAy", "--sampler", "greedy", "--words", "19"));

        // Then the prime and the continuation read as the corpus
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("KING:\nAy, me!KING:\nAy, me!K", run.Output.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task Generate_Json_ReportsTheTextAndEachPiece()
    {
        var run = await CliRun.RunAsync(trained.Args("generate", "KING:", "--sampler", "greedy", "--words", "9", "--json"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("\nAy, me!K", run.Json.GetProperty("text").GetString());
        Assert.Equal(["\n", "A", "y", ",", " ", "m", "e", "!", "K"], run.Json.GetProperty("words").EnumerateArray().Select(w => w.GetProperty("piece").GetString()));
    }

    [Fact]
    public async Task Compare_CountsRepeatedBigramsOfWords_AndKeepsLineBreaksUnderTheTextColumn()
    {
        // When the duel writes two cycles after "KING:"
        var run = await CliRun.RunAsync(trained.Args("generate", "KING:", "--compare", "--words", "26", "--seed", "1", "--json"));

        // Then beam search (deterministic) repeats one bigram of words, where its characters repeat 13 bigrams
        Assert.True(run.ExitCode == 0, run.Error);
        var beam = run.Json.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("sampler").GetString() == "beam");
        Assert.Equal("\nAy, me!KING:\nAy, me!KING:", beam.GetProperty("text").GetString());
        Assert.Equal(1, beam.GetProperty("repeatedBigrams").GetInt32());
    }
}

/// <summary>A character-level model trained once on <see cref="CycleModel.Cycle"/> repeated, which it learns to write exactly.</summary>
public sealed class CharacterWorkspace : IAsyncLifetime
{
    private readonly TinyWorkspace _workspace = new();

    private string CorpusPath => Path.Combine(_workspace.Root, "cycle.txt");

    public string[] Args(params string[] verbArgs) =>
        [.. _workspace.ModelArgs(verbArgs), "--Corpus:Provider=text-file", $"--Corpus:Path={CorpusPath}"];

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(CorpusPath, string.Concat(Enumerable.Repeat(CycleModel.Cycle, 200)));
        var run = await CliRun.RunAsync(Args("train", "--tokenizer", "characters", "--epochs", "3", "--seed", "3"));
        Assert.True(run.ExitCode == 0, run.Error);
    }

    public Task DisposeAsync()
    {
        _workspace.Dispose();
        return Task.CompletedTask;
    }
}
