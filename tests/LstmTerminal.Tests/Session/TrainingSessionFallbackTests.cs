using LstmTerminal.Core.Workflow;
using LstmTerminal.Session;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Session;

public sealed class TrainingSessionFallbackTests
{
    [Fact]
    public async Task A_training_sample_sampler_that_breaks_is_replaced_once_and_the_samples_keep_coming()
    {
        using var temp = new TempDirectory();
        var state = new SessionState();
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
