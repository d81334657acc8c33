using LstmTerminal.Hosting;

namespace LstmTerminal.Tests.Commands;

public sealed class CommandLineTests
{
    [Fact]
    public void Split_SendsSectionKeySettingsToConfiguration_AndTheRestToTheParser()
    {
        var split = ConfigurationArguments.Split(["train", "--Training:Epochs=3", "--epochs", "2", "--Model:RnnSize", "64", "--json"]);

        Assert.Equal(["--Training:Epochs=3", "--Model:RnnSize", "64"], split.Settings);
        Assert.Equal(["train", "--epochs", "2", "--json"], split.Command);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("train", "--epochs", "abc")]
    [InlineData("train", "--no-such-option")]
    public async Task Run_ExitsWithUsageError_OnAMalformedCommandLine(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("--words", "99999999999", "it takes a whole number from -2,147,483,648 to 2,147,483,647")]
    [InlineData("--temperature", "warm", "it takes a number such as 0.5")]
    public async Task Run_SaysWhatAnOptionTakes_WhenItsValueDoesNotParse(string option, string value, string expected)
    {
        // Given an option value of the wrong kind
        var run = await CliRun.RunAsync(["generate", "thou", option, value]);

        // Then the error says what the option takes, not which .NET type it parses to
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{option}': {expected}.", run.Error);
        Assert.DoesNotContain("System.", run.Error);
    }

    [Fact]
    public async Task Settings_OverrideAppSettings_AndVerbOptionsOverrideSettings()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync([.. workspace.Args("train", "--max-steps", "3", "--json"), "--Training:MaxSteps=2"]);

        Assert.Equal(3, run.Json.GetProperty("steps").GetInt32());
    }
}
