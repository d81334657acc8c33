using LstmTerminal.Completion;
using LstmTerminal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LstmTerminal.Tests.Completion;

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

        Assert.Equal(new ConsoleSettings("beam", 0.8, 5, null, TopK: 5, TopP: 0.7, RepetitionPenalty: 1.5, NoRepeatNgram: 2, BeamWidth: 3), console.Settings);
    }

    [Theory]
    [InlineData("/k -1")]
    [InlineData("/p 0")]
    [InlineData("/p 1.5")]
    [InlineData("/penalty 0.5")]
    [InlineData("/norepeat 1")]
    [InlineData("/beam 0")]
    public async Task Commands_RefuseValuesOutOfRange_AndKeepTheSettings(string command)
    {
        var (console, transcript) = Console();
        var before = console.Settings;

        await console.Submit(command, CancellationToken.None);

        Assert.StartsWith("! " + command.Split(' ')[0] + " needs a valid value", transcript.Snapshot()[^1]);
        Assert.Equal(before, console.Settings);
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
        return (new CompletionConsole(trained.Model, ShippedPlugins.Catalog, transcript, new ConsoleSettings("greedy", 0.8, 5, null), NullLogger.Instance), transcript);
    }
}
