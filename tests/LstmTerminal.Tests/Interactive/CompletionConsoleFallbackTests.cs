using LstmTerminal.Core.Generation;
using LstmTerminal.Interactive;
using LstmTerminal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LstmTerminal.Tests.Interactive;

public sealed class CompletionConsoleFallbackTests(TrainedModelFixture trained) : IClassFixture<TrainedModelFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_sampler_that_breaks_is_named_in_the_transcript_and_greedy_takes_over_for_good()
    {
        // Given the console set to a sampler plugin that throws on every word
        var transcript = new ConsoleTranscript();
        var catalog = HostilePlugins.Catalog(_temp.Path, HostilePlugins.ThrowsInNext);
        var console = new CompletionConsole(trained.Model, catalog, transcript, new SamplingSettings { Sampler = HostilePlugins.ThrowsInNext, Temperature = 0.8, Words = 5, Seed = 1 }, NullLogger.Instance);

        // When a phrase is completed
        await console.Submit("thou art more", CancellationToken.None);

        // Then greedy writes all five words, the failure and the switch are one error line, and greedy is now the sampler
        var lines = transcript.Snapshot();
        Assert.Equal(3, lines.Count);
        Assert.Equal("> thou art more", lines[0]);
        Assert.Equal(5, lines[1].Trim().Split(' ').Length);
        Assert.Equal("! The sampler 'throws-in-next' failed: the test sampler breaks on every word. Switched to 'greedy'.", lines[2]);
        Assert.Equal("greedy", console.Settings.Sampler);

        // And the next phrase goes straight to greedy, without another error
        await console.Submit("thou art more", CancellationToken.None);
        Assert.Equal(lines[1], transcript.Snapshot()[^1]);
        Assert.Single(transcript.Snapshot(), line => line.StartsWith("! ", StringComparison.Ordinal));
    }

    public void Dispose() => _temp.Dispose();
}
