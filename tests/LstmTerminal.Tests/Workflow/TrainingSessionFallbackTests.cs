using LstmTerminal.ViewState;
using LstmTerminal.Tests.Support;
using LstmTerminal.Torch.Workflow;

namespace LstmTerminal.Tests.Workflow;

public sealed class TrainingSessionFallbackTests
{
    [Fact]
    public async Task A_corpus_plugin_that_throws_is_replaced_by_the_fallback_provider_and_training_runs()
    {
        // Given a corpus plugin that throws, with text-file (on the tiny corpus) as the fallback
        using var temp = new TempDirectory();
        var state = new ScreenState();
        var catalog = HostilePlugins.Catalog(temp.Path, HostilePlugins.ThrowingCorpus);
        await using var session = TinySession.Create(
            temp, state, maxSteps: 4, catalog: catalog, corpusProvider: HostilePlugins.ThrowingCorpus, fallbackProvider: "text-file");

        // When the session opens
        session.Open(CancellationToken.None);
        Eventually.True(() => state.Status.Snapshot().Phase is SessionPhase.Finished or SessionPhase.Failed, "the run to end");

        // Then the switch is one error line and training finished on the fallback's corpus
        Assert.Equal(SessionPhase.Finished, state.Status.Snapshot().Phase);
        Assert.Contains(
            "! The corpus plugin 'throwing-corpus' failed: the test corpus breaks on load. Switched to the 'text-file' corpus.",
            state.Transcript.Snapshot());
    }

    [Fact]
    public async Task When_the_fallback_corpus_fails_too_the_failure_names_both()
    {
        using var temp = new TempDirectory();
        var state = new ScreenState();
        var catalog = HostilePlugins.Catalog(temp.Path, HostilePlugins.ThrowingCorpus);
        await using var session = TinySession.Create(
            temp, state, corpusPath: Directory.CreateDirectory(temp.Combine("empty")).FullName, catalog: catalog, corpusProvider: HostilePlugins.ThrowingCorpus,
            fallbackProvider: "text-file");

        session.Open(CancellationToken.None);
        Eventually.True(() => state.Status.Snapshot().Phase == SessionPhase.Failed, "the failure");

        var detail = state.Status.Snapshot().Detail;
        Assert.StartsWith("The corpus plugin 'throwing-corpus' failed: the test corpus breaks on load. The fallback corpus 'text-file' failed too: ", detail);
        Assert.Contains("holds no .txt files", detail);
    }

    [Fact]
    public async Task A_training_sample_sampler_that_breaks_is_replaced_once_and_the_samples_keep_coming()
    {
        using var temp = new TempDirectory();
        var state = new ScreenState();
        var catalog = HostilePlugins.Catalog(temp.Path, HostilePlugins.OutOfRange);
        await using var session = TinySession.Create(temp, state, maxSteps: 10, evalEvery: 5, sampler: HostilePlugins.OutOfRange, catalog: catalog);

        session.Open(CancellationToken.None);
        Eventually.True(() => state.Status.Snapshot().Phase == SessionPhase.Finished, "the run to its step limit");

        var samples = state.Samples.Snapshot();
        Assert.Equal(2, samples.Count);
        Assert.All(samples.SelectMany(s => s.Samples), sample => Assert.Equal(5, sample.Continuation.Split(' ').Length));
        var switched = Assert.Single(state.Transcript.Snapshot(), line => line.Contains("Switched to 'greedy'.", StringComparison.Ordinal));
        Assert.StartsWith("! The sampler 'out-of-range' returned id", switched);
    }
}
