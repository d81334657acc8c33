namespace LstmTerminal.Tests.Commands;

public sealed class TrainVerbTests
{
    [Fact]
    public async Task Train_Json_ReportsEveryFieldAndWritesACheckpoint()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync(workspace.Args("train", "--epochs", "2", "--seed", "1", "--json"));

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.True(json.GetProperty("steps").GetInt32() > 0);
        Assert.Equal(2, json.GetProperty("epochs").GetInt32());
        Assert.True(json.GetProperty("loss").GetDouble() > 0);
        Assert.True(json.GetProperty("validationLoss").GetDouble() > 0);
        Assert.True(json.GetProperty("validationPerplexity").GetDouble() >= 1);
        Assert.True(json.GetProperty("tokensPerSecond").GetDouble() > 0);
        Assert.Equal(27, json.GetProperty("vocabularySize").GetInt32());
        Assert.Equal(0, json.GetProperty("unknownRate").GetDouble());
        Assert.Equal(workspace.CheckpointDirectory, json.GetProperty("checkpoint").GetString());
        Assert.True(File.Exists(Path.Combine(workspace.CheckpointDirectory, "checkpoint.json")));
        Assert.Contains("validation loss", run.Error);
    }

    [Fact]
    public async Task Train_SaysNothingOfValidation_WhenNoneRan()
    {
        // Without a validation tail, no validation can run.
        using var workspace = new TinyWorkspace();

        var human = await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2", "--Training:ValidationFraction=0"));
        var json = await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2", "--Training:ValidationFraction=0", "--json"));

        Assert.Equal(0, human.ExitCode);
        Assert.StartsWith("StepLimit: 2 steps, 0 epochs, loss ", human.Output);
        Assert.DoesNotContain("validation", human.Output);
        Assert.Contains($"checkpoint {workspace.CheckpointDirectory} at step 2", human.Output);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.Json.GetProperty("validationPerplexity").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.Json.GetProperty("validationLoss").ValueKind);
    }

    [Fact]
    public async Task Train_ValidatesTheSavedWeights_WhenItsStepLimitEndsBeforeAnEpoch()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2", "--json"));
        var eval = await CliRun.RunAsync(workspace.Args("eval", "--json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, eval.ExitCode);
        Assert.Contains("step 2 (the saved weights) validation loss", run.Error);
        Assert.Equal(eval.Json.GetProperty("validationLoss").GetDouble(), run.Json.GetProperty("validationLoss").GetDouble(), 4);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NaN, "inf")]
    [InlineData(2.4e146, "2.40e+146")]
    [InlineData(171.84, "171.8")]
    public void PerplexityText_PrintsAnOverflowOrAHugeValueReadably(double perplexity, string expected) =>
        Assert.Equal(expected, PerplexityText.Format(perplexity));

    [Fact]
    public async Task Train_MaxSteps_CountsGlobalSteps_WhenResuming()
    {
        // Given a 6-step checkpoint
        using var workspace = new TinyWorkspace();
        var first = await CliRun.RunAsync(workspace.Args("train", "--max-steps", "6", "--seed", "2", "--json"));
        Assert.Equal(6, first.Json.GetProperty("steps").GetInt32());

        // When it is resumed with a budget of 10 steps
        var second = await CliRun.RunAsync(workspace.Args("train", "--resume", "--max-steps", "10", "--json"));

        // Then four more steps run
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(10, second.Json.GetProperty("steps").GetInt32());
        Assert.Contains("resuming", second.Error);
        Assert.DoesNotContain("keeps the checkpoint's settings", second.Error);
    }

    [Fact]
    public async Task Train_Resume_NamesTheSettingsItKeeps_WhenTheConfigurationDiffers()
    {
        // Given a checkpoint of the workspace's 16-wide model
        using var workspace = new TinyWorkspace();
        Assert.Equal(0, (await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2", "--seed", "2"))).ExitCode);

        // When it is resumed with another model size and learning rate
        var resumed = await CliRun.RunAsync([.. workspace.Args("train", "--resume", "--max-steps", "3"), "--Model:RnnSize=24", "--Training:LearningRate=0.5"]);

        // Then it trains on with the checkpoint's, and says which configured values it did not apply
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("Model:RnnSize 16 (configured 24)", resumed.Error);
        Assert.Contains("Training:LearningRate", resumed.Error);
        Assert.DoesNotContain("Training:Seed", resumed.Error);
    }

    [Fact]
    public async Task Train_Resume_StartsFreshAndSaysSo_WhenThereIsNoCheckpoint()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync(workspace.Args("train", "--resume", "--max-steps", "2"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no checkpoint", run.Error);
        Assert.Contains("starting fresh", run.Error);
    }

    [Fact]
    public async Task Train_FailsWithUsageError_WhenTheCorpusPathIsMissing()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync([.. workspace.Args("train"), "--Corpus:Path=" + Path.Combine(workspace.Root, "absent.txt")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("absent.txt", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Train_FailsWithUsageError_NamingTheKey_WhenASettingIsOutOfRange()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync([.. workspace.Args("train"), "--Training:LearningRate=-1"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Training:LearningRate", run.Error);
    }

    [Fact]
    public async Task Train_FailsWithUsageError_WhenTheCorpusIsSmallerThanOneBatch()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync([.. workspace.Args("train"), "--Training:SequenceLength=5000"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Training:SequenceLength", run.Error);
        Assert.False(Directory.Exists(workspace.CheckpointDirectory));
    }

    [Fact]
    public async Task Train_SamplesWithGreedy_When_TheConfiguredSamplerIsBeam()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync([.. workspace.Args("train", "--max-steps", "2"), "--Sampling:Sampler=beam"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("training samples use greedy", run.Error);
    }

    [Fact]
    public async Task Train_ListsKnownCorpora_WhenTheProviderIsUnknown()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync(workspace.Args("train", "--corpus", "nope"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("gutenberg-shakespeare", run.Error);
        Assert.Contains("text-file", run.Error);
    }
}
