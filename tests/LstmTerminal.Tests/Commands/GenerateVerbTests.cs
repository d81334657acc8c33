namespace LstmTerminal.Tests.Commands;

public sealed class GenerateVerbTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    [Fact]
    public async Task Generate_Json_ReportsTheContinuationWordByWord()
    {
        var run = await CliRun.RunAsync(trained.Workspace.Args("generate", "Thou art more", "--sampler", "greedy", "--words", "4", "--seed", "5", "--json"));

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("Thou art more", json.GetProperty("prime").GetString());
        var words = json.GetProperty("words").EnumerateArray().ToList();
        Assert.Equal(4, words.Count);
        Assert.All(words, w => Assert.InRange(w.GetProperty("probability").GetDouble(), 0, 1));
        Assert.Equal(string.Join(' ', words.Select(w => w.GetProperty("word").GetString())), json.GetProperty("text").GetString());
        Assert.Equal("lovely and more temperate", json.GetProperty("text").GetString());
        Assert.Equal("greedy", json.GetProperty("sampler").GetString());
        Assert.Equal(5, json.GetProperty("seed").GetInt32());
        Assert.Empty(json.GetProperty("unknownWords").EnumerateArray());
    }

    [Fact]
    public async Task Generate_IsReproducible_WithTheSameSeed()
    {
        string[] args = ["generate", "to be", "--sampler", "temperature", "--temperature", "1.5", "--words", "8", "--seed", "11", "--json"];

        var first = await CliRun.RunAsync(trained.Workspace.Args(args));
        var second = await CliRun.RunAsync(trained.Workspace.Args(args));

        Assert.Equal(first.Json.GetProperty("text").GetString(), second.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Generate_NamesUnknownWords_AndStillCompletes()
    {
        var run = await CliRun.RunAsync(trained.Workspace.Args("generate", "thou art zyzzyva", "--words", "3", "--json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["zyzzyva"], run.Json.GetProperty("unknownWords").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(3, run.Json.GetProperty("words").GetArrayLength());
        Assert.Contains("zyzzyva", run.Error);
    }

    [Fact]
    public async Task Generate_PrintsThePrimeAndTheContinuation_WithoutJson()
    {
        var run = await CliRun.RunAsync(trained.Workspace.Args("generate", "to be or not to", "--sampler", "greedy", "--words", "1"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("to be or not to be", run.Output.Trim());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ?! ")]
    public async Task Generate_FailsWithUsageError_WhenThePrimeHasNoWords(string prime)
    {
        var run = await CliRun.RunAsync(trained.Workspace.Args("generate", prime));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: The prime phrase has no words", run.Error);
        Assert.Contains("Type a few words, e.g. \"thou art more\".", run.Error);
    }

    [Fact]
    public async Task Generate_ListsKnownSamplers_WhenTheSamplerIsUnknown()
    {
        var run = await CliRun.RunAsync(trained.Workspace.Args("generate", "thou", "--sampler", "nope"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("greedy, nucleus, temperature, top-k", run.Error);
        Assert.Contains("'beam'", run.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    public async Task Generate_RefusesATemperatureThatIsNotPositive(string temperature)
    {
        var run = await CliRun.RunAsync(trained.Workspace.Args("generate", "thou", "--temperature", temperature));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Sampling:Temperature", run.Error);
    }

    [Fact]
    public async Task Generate_ExplainsAMissingCheckpoint()
    {
        var run = await CliRun.RunAsync([.. trained.Workspace.Args("generate", "thou"), "--Training:CheckpointDirectory=" + Path.Combine(trained.Workspace.Root, "none")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No checkpoint", run.Error);
    }

    [Theory]
    [InlineData("generate", "LstmTerminal.Samplers", "LstmTerminal.Tokenizers")]
    [InlineData("suggest", "LstmTerminal.Tokenizers")]
    public async Task InferenceVerbs_LoadOnlyThePluginsTheyUse(string verb, params string[] loaded)
    {
        // Given the shipped plugins in a plugins folder of their own
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path);

        // When the verb continues a phrase with them
        var run = await CliRun.RunAsync([.. trained.Workspace.Args(verb, "thou art"), $"--Plugins:Directory={plugins}"]);

        // Then it ran, and of the folders only those of the kinds it uses were loaded: no corpus provider's code ran
        Assert.True(run.ExitCode == 0, run.Error);
        var folders = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.StartsWith(plugins + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(a => Path.GetFileName(Path.GetDirectoryName(a.Location)))
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(loaded, folders);
    }

    [Fact]
    public async Task Eval_Json_ScoresTheCheckpointOnTheValidationTail()
    {
        var run = await CliRun.RunAsync(trained.Workspace.Args("eval", "--json"));

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.True(json.GetProperty("validationLoss").GetDouble() > 0);
        Assert.Equal(Math.Exp(json.GetProperty("validationLoss").GetDouble()), json.GetProperty("validationPerplexity").GetDouble(), 6);
        Assert.Equal(0, json.GetProperty("unknownRate").GetDouble());
        Assert.Equal(27, json.GetProperty("vocabularySize").GetInt32());
    }
}

/// <summary>A workspace with a model trained once for all generate/eval tests of a class.</summary>
public sealed class TrainedWorkspace : IAsyncLifetime
{
    internal TinyWorkspace Workspace { get; } = new();

    public async Task InitializeAsync()
    {
        var run = await CliRun.RunAsync(Workspace.Args("train", "--epochs", "12", "--seed", "3"));
        Assert.True(run.ExitCode == 0, run.Error);
    }

    public Task DisposeAsync()
    {
        Workspace.Dispose();
        return Task.CompletedTask;
    }
}
