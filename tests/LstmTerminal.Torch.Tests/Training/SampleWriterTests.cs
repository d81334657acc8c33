using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Generation;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

/// <summary>The samples shown during training, written from a model trained by an earlier build (the format-2 fixture).</summary>
public sealed class SampleWriterTests
{
    private static readonly InferenceCheckpoint Model = new CheckpointReader(CheckpointFixtures.PathOf(CheckpointFixtures.Format2)).LoadForInference(TokenizerPlugins.Catalog);
    private static readonly SamplingSettings FiveWords = new() { Words = 5, Temperature = 1.0, Seed = 1 };

    [Fact]
    public void Write_ContinuesEachPrime_WithTheSettingsWords()
    {
        // Given two primes and five words a sample
        var writer = new SampleWriter(["thou art more", "to be or"], Model.Vocabulary, new ArgMaxSampler(), FiveWords);

        // When the samples are written
        var samples = writer.Write(Model.Weights, CancellationToken.None);

        // Then each prime gets five words
        Assert.Equal(["thou art more", "to be or"], samples.Select(sample => sample.Prime));
        Assert.All(samples, sample => Assert.Equal(5, sample.Continuation.Split(' ').Length));
    }

    [Fact]
    public void Write_GivesAPrimeThatCannotBeContinuedItsReason_AndGoesOn()
    {
        // Given a prime of unknown words, then a good one
        var writer = new SampleWriter(["zyzzyva quux", "thou art"], Model.Vocabulary, new ArgMaxSampler(), FiveWords);

        // When the samples are written
        var samples = writer.Write(Model.Weights, CancellationToken.None);

        // Then the first sample is the reason, in brackets, and the second a continuation
        Assert.StartsWith("(None of the words", samples[0].Continuation);
        Assert.EndsWith(")", samples[0].Continuation);
        Assert.Equal(5, samples[1].Continuation.Split(' ').Length);
    }

    [Fact]
    public void Write_EndsTheSamples_WhenTheRunIsStoppedMidSample()
    {
        // Given a stop asked for while the first sample is being written (Ctrl+Q during training)
        using var stop = new CancellationTokenSource();
        var writer = new SampleWriter(["thou art more", "to be or"], Model.Vocabulary, new StoppingSampler(stop), FiveWords);

        // When the samples are written, then they end without an exception (which used to end the run unsaved)
        var samples = writer.Write(Model.Weights, stop.Token);
        Assert.Empty(samples);
    }

    [Fact]
    public void HasPrimes_IsFalse_WithoutPrimeTexts()
    {
        // Then a run without prime texts writes no samples
        Assert.False(new SampleWriter([], Model.Vocabulary, new ArgMaxSampler(), FiveWords).HasPrimes);
    }

    /// <summary>Asks for the stop as it chooses its first word, as a user quitting mid-sample does.</summary>
    private sealed class StoppingSampler(CancellationTokenSource stop) : LstmTerminal.Abstractions.ISampler
    {
        public string Name => "stopping";

        public string Description => "stops the run";

        public int Next(ReadOnlySpan<float> logits, LstmTerminal.Abstractions.SamplingContext context)
        {
            stop.Cancel();
            return 1;
        }
    }
}
