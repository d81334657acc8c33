using LstmTerminal.Interactive;
using LstmTerminal.ViewState;
using LstmTerminal.Tests.Commands;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Tests.Faults;

/// <summary>Escape sequences and other control characters from outside never reach the terminal raw.</summary>
public sealed class ControlCharacterTests
{
    private const string Hostile = "\u001b[2J\u001b]0;owned\u0007 thou art more \u009b31m\u007f";

    [Theory]
    [InlineData("\u001b", "␛")]
    [InlineData("\u0007", "␇")]
    [InlineData("\u0000", "␀")]
    [InlineData("\u007f", "␡")]
    [InlineData("\u009b", "\ufffd")]
    [InlineData("line\nnext\ttab\r", "line\nnext\ttab\r")]
    [InlineData("日本語 😀 café", "日本語 😀 café")]
    public void Printable_ShowsControlCharactersAsPictures_AndKeepsLayoutAndText(string text, string expected)
    {
        Assert.Equal(expected, TerminalText.Printable(text));
    }

    [Fact]
    public void Console_EchoesAHostilePrime_Harmlessly()
    {
        var transcript = new ConsoleTranscript();

        transcript.AddPrime(Hostile);
        var line = transcript.StartContinuation();
        transcript.ShowContinuation(line, "\u001b[0m");

        var lines = transcript.Snapshot();
        Assert.All(lines, l => Assert.DoesNotContain(l, c => char.IsControl(c)));
        Assert.Equal("> ␛[2J␛]0;owned␇ thou art more \ufffd31m␡", lines[0]);
    }

    [Fact]
    public void Samples_ShowAFailedSamplersMessage_Harmlessly()
    {
        var log = new SampleLog();

        log.Add(new SamplesGenerated(5, [new TrainingSample(Hostile, "(the sampler 'x' failed: \u001b[31mboom)")]));

        var sample = Assert.Single(Assert.Single(log.Snapshot()).Samples);
        Assert.DoesNotContain(sample.Prime + sample.Continuation, c => char.IsControl(c));
    }

    [Fact]
    public async Task CommandLine_PrintsAHostilePathInAnError_Harmlessly()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync([.. workspace.Args("train"), $"--Corpus:Path={workspace.Root}/\u001b[2Jmissing.txt"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("␛[2Jmissing.txt", run.Error);
        Assert.DoesNotContain('\u001b', run.Error);
    }
}
