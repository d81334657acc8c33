namespace LstmTerminal.Tests.Commands;

/// <summary>Every verb validates every setting at start, also those of sections it does not use.</summary>
public sealed class SettingsValidationTests : IDisposable
{
    private readonly TinyWorkspace _workspace = new();

    [Fact]
    public async Task Plugins_RefusesToStart_WhenASettingItDoesNotUseIsOutOfRange()
    {
        // Given the plugins verb, which takes no training settings, and an epoch count out of range
        // When it runs
        var run = await CliRun.RunAsync([.. _workspace.Args("plugins", "--json"), "--Training:Epochs=0"]);

        // Then it stops with the one-line usage error and prints nothing on stdout
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Training:Epochs must be between 1 and 100000.", run.Error.Trim());
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Plugins_SaysWhatTheSettingTakes_WhenASettingItDoesNotUseIsOfTheWrongKind()
    {
        // Given a sampling temperature that is not a number
        // When the plugins verb runs
        var run = await CliRun.RunAsync([.. _workspace.Args("plugins"), "--Sampling:Temperature=hot"]);

        // Then the one line names the key and what it takes
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: The setting Sampling:Temperature cannot be 'hot'; it takes a number such as 0.5.", run.Error.Trim());
    }

    [Fact]
    public async Task Eval_ReportsEveryBadSectionInOneLine_BeforeReadingTheCheckpoint()
    {
        // Given two bad settings in two sections and no checkpoint at all
        // When eval runs
        var run = await CliRun.RunAsync([.. _workspace.Args("eval"), "--Training:Epochs=0", "--Model:RnnSize=0"]);

        // Then both are reported on one line, and the missing checkpoint is never reached
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("Training:Epochs", line);
        Assert.Contains("Model:RnnSize", line);
    }

    [Theory]
    [InlineData("--Training:LearningRateSchedule=cosine")]
    [InlineData("--Training:Softmax=SAMPLED")]
    [InlineData("--Training:Softmax= Full ")]
    public async Task Plugins_TakesAnEnumSettingByName_InAnyCase(string setting)
    {
        // Given an enum setting by one of its names, in a case of the user's own
        // When the plugins verb runs
        var run = await CliRun.RunAsync([.. _workspace.Args("plugins", "--json"), setting]);

        // Then the setting is taken
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(run.Error);
    }

    public void Dispose() => _workspace.Dispose();
}
