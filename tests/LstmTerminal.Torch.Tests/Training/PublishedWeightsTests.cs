using LstmTerminal.Core.Model;
using LstmTerminal.Torch.Training;
using Microsoft.Extensions.Time.Testing;

namespace LstmTerminal.Torch.Tests.Training;

/// <summary>A reader never waits for the weights: while they are held it gets the copy published last, kept fresh once read.</summary>
public sealed class PublishedWeightsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new();
    private int _version = 1;

    [Fact]
    public void Read_AnswersWithThePublishedCopy_WhileTheWeightsAreHeld()
    {
        // Given version 1 published, and the weights at version 2 since
        var weights = new PublishedWeights(Export, _clock);
        weights.PublishWhenFree();
        Change(weights, 2);

        // When a reader asks while a step holds the weights
        var read = WhileHeld(weights, weights.Read);

        // Then it gets version 1 at once
        Assert.Equal(1, VersionOf(read));
    }

    [Fact]
    public void Read_CopiesTheCurrentWeights_WhenTheyAreFree()
    {
        // Given version 1 published, and the weights at version 2 since
        var weights = new PublishedWeights(Export, _clock);
        weights.PublishWhenFree();
        Change(weights, 2);

        // When a reader asks while they are free, then it gets version 2
        Assert.Equal(2, VersionOf(weights.Read()));
    }

    [Fact]
    public void Read_CopiesOnlyOnce_WhileNothingHoldsTheWeights()
    {
        // Given weights that count their copies
        var copies = 0;
        var weights = new PublishedWeights(() => { copies++; return Export(); }, _clock);

        // When they are read three times with nothing held between, and again after a step held them
        var first = weights.Read();
        var again = weights.Read();
        weights.PublishWhenFree();
        var copiesWhileIdle = copies;
        Change(weights, 2);
        var afterStep = weights.Read();

        // Then the idle reads share one copy, and the step's change is copied once more
        Assert.Equal(1, copiesWhileIdle);
        Assert.Same(first, again);
        Assert.Equal(2, VersionOf(afterStep));
        Assert.Equal(2, copies);
    }

    [Fact]
    public void RefreshIfRead_PublishesNothing_WhileNobodyReads()
    {
        // Given version 1 published long ago, and no reader yet
        var weights = new PublishedWeights(Export, _clock);
        weights.PublishWhenFree();
        Change(weights, 2);
        _clock.Advance(TimeSpan.FromMinutes(1));

        // When the trainer refreshes between steps
        weights.RefreshIfRead();

        // Then nothing was copied: a reader arriving during a step still gets version 1
        Assert.Equal(1, VersionOf(WhileHeld(weights, weights.Read)));
    }

    [Fact]
    public void RefreshIfRead_PublishesAgain_OnceSomeoneReads_AndTheCopyIsOlderThanTheInterval()
    {
        // Given a reader of version 1, and the weights at version 2 since
        var weights = new PublishedWeights(Export, _clock);
        weights.Read();
        Change(weights, 2);

        // When the trainer refreshes between steps, before and after the interval
        _clock.Advance(PublishedWeights.RefreshInterval - TimeSpan.FromMilliseconds(100));
        weights.RefreshIfRead();
        var early = WhileHeld(weights, weights.Read);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        weights.RefreshIfRead();
        var late = WhileHeld(weights, weights.Read);

        // Then only the refresh after the interval publishes the new weights
        Assert.Equal(1, VersionOf(early));
        Assert.Equal(2, VersionOf(late));
    }

    private ModelWeights Export() => new()
    {
        Shape = new ModelShape { VocabularySize = 1, EmbeddingSize = 1, RnnSize = 1, Layers = 0, Dropout = 0 },
        Embedding = [_version],
        Layers = [],
        Output = [],
        OutputBias = [],
    };

    /// <summary>Changes the weights as a training step does: while holding them.</summary>
    private void Change(PublishedWeights weights, int version)
    {
        using (weights.Hold())
        {
            _version = version;
        }
    }

    private static int VersionOf(ModelWeights weights) => (int)weights.Embedding[0];

    /// <summary>Asks on another thread while this one holds the weights, as a training step does.</summary>
    private static ModelWeights WhileHeld(PublishedWeights weights, Func<ModelWeights> ask)
    {
        using (weights.Hold())
        {
            var asked = Task.Run(ask);
            Assert.True(asked.Wait(Patience), "the reader waited for the weights to be free");
            return asked.Result;
        }
    }
}
