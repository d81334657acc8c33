using LstmTerminal.Core.Generation;
using LstmTerminal.Interactive;
using LstmTerminal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LstmTerminal.Tests.Interactive;

/// <summary>The console's sampling commands beyond greedy and temperature: top-k, nucleus, repetition, beam, duel.</summary>
public sealed class CompletionConsoleSamplingTests(TrainedModelFixture trained) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public async Task Commands_SetTopKNucleusRepetitionAndBeam()
    {
        var (console, _) = Console();

        foreach (var command in new[] { "/k 5", "/p 0.7", "/penalty 1.5", "/norepeat 2", "/beam 3" })
        {
            await console.Submit(command, CancellationToken.None);
        }

        Assert.Equal(new SamplingSettings { Sampler = "beam", Temperature = 0.8, Words = 5, Seed = null, TopK = 5, TopP = 0.7, RepetitionPenalty = 1.5, NoRepeatNgram = 2, BeamWidth = 3 }, console.Settings);
    }

    [Theory]
    [InlineData("/k -1")]
    [InlineData("/p 0")]
    [InlineData("/p 1.5")]
    [InlineData("/penalty 0.5")]
    [InlineData("/norepeat 1")]
    [InlineData("/beam 0")]
    [InlineData("/beam 65")]
    [InlineData("/words 0")]
    [InlineData("/words 10001")]
    [InlineData("/temperature 100.5")]
    [InlineData("/temperature NaN")]
    [InlineData("/k 1000001")]
    [InlineData("/penalty 10.5")]
    [InlineData("/norepeat 11")]
    public async Task Commands_RefuseValuesOutOfRange_AndKeepTheSettings(string command)
    {
        var (console, transcript) = Console();
        var before = console.Settings;

        await console.Submit(command, CancellationToken.None);

        Assert.StartsWith("! " + command.Split(' ')[0] + " needs a valid value", transcript.Snapshot()[^1]);
        Assert.Equal(before, console.Settings);
    }

    [Fact]
    public async Task Commands_AcceptTheLimitsOfTheSamplingOptions()
    {
        // Given
        var (console, transcript) = Console();

        // When every setting is set to the far end of its range
        foreach (var command in new[] { "/words 10000", "/temperature 100", "/k 1000000", "/p 1", "/penalty 10", "/norepeat 10", "/beam 64" })
        {
            await console.Submit(command, CancellationToken.None);
        }

        // Then each was taken, and no command was refused
        Assert.DoesNotContain(transcript.Snapshot(), line => line.StartsWith("! ", StringComparison.Ordinal));
        Assert.Equal(
            new SamplingSettings
            {
                Sampler = "beam", Temperature = 100, Words = 10_000, TopK = 1_000_000, TopP = 1, RepetitionPenalty = 10, NoRepeatNgram = 10, BeamWidth = 64,
            },
            console.Settings);
    }

    [Fact]
    public async Task Beam_CompletesDeterministically_WhateverTheSeed()
    {
        var (console, transcript) = Console();
        await console.Submit("/beam 4", CancellationToken.None);

        await console.Submit("/seed 1", CancellationToken.None);
        await console.Submit("to be or not", CancellationToken.None);
        var first = transcript.Snapshot()[^1];
        await console.Submit("/seed 2", CancellationToken.None);
        await console.Submit("to be or not", CancellationToken.None);

        Assert.Equal(5, first.Trim().Split(' ').Length);
        Assert.Equal(first, transcript.Snapshot()[^1]);
    }

    [Fact]
    public async Task NoRepeat_KeepsEveryBigramOfTheContinuationUnique()
    {
        var (console, transcript) = Console();
        await console.Submit("/words 40", CancellationToken.None);
        await console.Submit("/norepeat 2", CancellationToken.None);

        await console.Submit("thou art more", CancellationToken.None);

        var words = transcript.Snapshot()[^1].Trim().Split(' ').Select(w => w.TrimEnd('?')).ToArray();
        var bigrams = words.Zip(words.Skip(1), (a, b) => a + " " + b).ToList();
        Assert.Equal(bigrams.Count, bigrams.Distinct().Count());
    }

    [Fact]
    public async Task Duel_ShowsEverySamplerAndBeam_WithTheirFigures()
    {
        var (console, transcript) = Console();
        await console.Submit("/seed 7", CancellationToken.None);

        await console.Submit("/duel thou art more", CancellationToken.None);

        var lines = transcript.Snapshot();
        foreach (var sampler in ShippedPlugins.Catalog.Samplers.Select(s => s.Name).Append("beam"))
        {
            Assert.Contains(lines, line => line.Contains($"{sampler}: avg log-p") && line.Contains("repeated bigrams"));
        }
    }

    private (CompletionConsole Console, ConsoleTranscript Transcript) Console()
    {
        var transcript = new ConsoleTranscript();
        return (new CompletionConsole(trained.Model, ShippedPlugins.Catalog, transcript, new SamplingSettings { Sampler = "greedy", Temperature = 0.8, Words = 5, Seed = null }, NullLogger.Instance), transcript);
    }
}
