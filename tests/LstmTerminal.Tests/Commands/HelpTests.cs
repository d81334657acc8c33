namespace LstmTerminal.Tests.Commands;

/// <summary><c>--help</c> shows the configuration side of the command line too: <c>--preset</c> and <c>--Section:Key=value</c>.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData]
    [InlineData("train")]
    [InlineData("generate")]
    [InlineData("eval")]
    [InlineData("plugins")]
    [InlineData("bench")]
    public async Task Help_ShowsPresetAndTheSettingsForm_WithAnExample(params string[] verb)
    {
        // Given the root or a verb
        // When its help is asked for
        var run = await CliRun.RunAsync([.. verb, "--help"]);

        // Then it lists --preset with the shipped presets and explains --Section:Key=value with an example
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--preset <NAME>", run.Output);
        Assert.Contains("quality", run.Output);
        Assert.Contains("--Section:Key=value", run.Output);
        Assert.Contains("e.g. --Training:Epochs=3", run.Output);
    }
}
