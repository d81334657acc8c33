using LstmTerminal.Commands;
using LstmTerminal.Core.Options;

namespace LstmTerminal.Tests.Commands;

/// <summary>Verbs take their services and settings in their constructors; the runner turns a bad setting into a usage error.</summary>
public sealed class VerbRunnerTests : IDisposable
{
    private const string Problem = "The setting Training:Epochs cannot be 'lots'; it takes a whole number.";

    private readonly TinyWorkspace _workspace = new();

    [Fact]
    public async Task RunAsync_ShowsTheProblemThenPrintsIt_WhenTheVerbsSettingIsOfTheWrongKind()
    {
        // Given a verb that takes the training settings, one of them of the wrong kind
        var error = new StringWriter();
        var runner = new VerbRunner([.. _workspace.ModelArgs(), "--Training:Epochs=lots"], TextWriter.Null, error);
        var shown = new List<string>();
        var ran = false;

        // When the runner creates and runs it
        var exitCode = await runner.RunAsync<NeedsTraining>(
            new Dictionary<string, string?>(),
            (_, _) =>
            {
                ran = true;
                return Task.FromResult(0);
            },
            CancellationToken.None,
            shown.Add);

        // Then the problem is shown once, printed as one line, and the verb never ran
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal([Problem], shown);
        Assert.Equal($"error: {Problem}", error.ToString().Trim());
        Assert.False(ran);
    }

    [Fact]
    public async Task RunAsync_GivesTheVerbItsValidatedSettings()
    {
        // Given a verb that takes the training settings
        var runner = new VerbRunner([.. _workspace.ModelArgs(), "--Training:Epochs=3"], TextWriter.Null, TextWriter.Null);

        // When the runner creates and runs it
        var exitCode = await runner.RunAsync<NeedsTraining>(new Dictionary<string, string?>(), (verb, _) => Task.FromResult(verb.Training.Epochs), CancellationToken.None);

        // Then it got the configured value
        Assert.Equal(3, exitCode);
    }

    [Fact]
    public async Task RunAsync_Exits130_WhenTheRunIsCancelled()
    {
        // Given a verb that is stopped by Ctrl+C or SIGTERM (its token cancelled) while it works
        var error = new StringWriter();
        var runner = new VerbRunner(_workspace.ModelArgs(), TextWriter.Null, error);
        using var cancellation = new CancellationTokenSource();

        // When it gives up with the cancellation
        var exitCode = await runner.RunAsync<NeedsTraining>(
            new Dictionary<string, string?>(),
            async (_, token) =>
            {
                await cancellation.CancelAsync();
                token.ThrowIfCancellationRequested();
                return 0;
            },
            cancellation.Token);

        // Then the run says so and exits 130, as shells report a run ended by Ctrl+C
        Assert.Equal(130, exitCode);
        Assert.Equal("cancelled", error.ToString().Trim());
    }

    public void Dispose() => _workspace.Dispose();

    /// <summary>A verb as small as can be: the training settings and, as every verb, its console.</summary>
    private sealed class NeedsTraining(TrainingOptions training, VerbConsole console)
    {
        public TrainingOptions Training => training;

        public VerbConsole Console => console;
    }
}
