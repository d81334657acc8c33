using LstmTerminal.Core.Model;
using LstmTerminal.Core.Training;
using static TorchSharp.torch;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Model;

namespace LstmTerminal.Torch.Tests.Model;

/// <summary>
/// Where the model's dropout masks fall: per word, locked for a whole sequence, or on recurrent weights. Every draw
/// from libtorch's process-wide generator goes through <see cref="SeededRandom"/>, as the trainer's do, so tests
/// running in parallel cannot shift each other's seeded noise.
/// </summary>
public sealed class DropoutTests
{
    private const int Batch = 6;
    private const int Time = 9;

    [Fact]
    public void Features_DropTheSameFeaturesAtEveryTimeStepOfASequence_WhenDropoutIsLocked()
    {
        // Given a training-mode model with locked dropout, when it reads a batch
        var dropped = DroppedFeatures(locked: true);

        // Then every time step of a sequence has the first one's mask
        for (var t = 1; t < Time; t++)
        {
            Assert.True(Same(dropped[.., t, ..], dropped[.., 0, ..]), $"time step {t} has a mask of its own");
        }

        // Sequences do not share a mask, and the mask drops about half the features.
        Assert.False(Same(dropped[0, 0, ..], dropped[1, 0, ..]));
        Assert.InRange(dropped.to_type(ScalarType.Float32).mean().item<float>(), 0.3f, 0.7f);
    }

    [Fact]
    public void Features_DrawAFreshMaskForEveryWord_WhenDropoutIsNotLocked()
    {
        // Given plain dropout, when the model reads a batch
        var dropped = DroppedFeatures(locked: false);

        // Then neighbouring words have masks of their own, dropping about half the features
        Assert.False(Same(dropped[.., 1, ..], dropped[.., 0, ..]));
        Assert.InRange(dropped.to_type(ScalarType.Float32).mean().item<float>(), 0.3f, 0.7f);
    }

    [Fact]
    public void Features_DropNothing_WhenTheModelIsEvaluated()
    {
        // Given a model with dropout in evaluation mode, when it reads a batch
        var features = SeededRandom.Draw(5, () =>
        {
            using var model = new LstmLanguageModel(new ModelShape { VocabularySize = 30, EmbeddingSize = 8, RnnSize = 16, Layers = 1, Dropout = 0.5, LockedDropout = true });
            model.eval();
            return model.Features(randint(0, 30, [Batch, Time]), null).Features;
        });

        // Then no feature is zero
        Assert.Equal(0, features.eq(0).count_nonzero().item<long>());
    }

    [Fact]
    public void Restore_PutsTheRawWeightsBack_AndMasksTheirGradients()
    {
        // Given a weight cut by a weight drop
        var (weight, raw, upstream, drop) = SeededRandom.Draw(3, () =>
        {
            var weight = new TorchSharp.Modules.Parameter(rand([64, 16]) + 1);
            var raw = weight.detach().clone();
            return (weight, raw, randn([64, 16]), new RecurrentWeightDrop([weight], probability: 0.5));
        });
        using (drop)
        {
            // Kept weights are scaled by 1/(1-p) = 2, cut ones are 0
            var kept = weight.detach().ne(0);
            Assert.True(Same(weight.detach().where(kept, raw * 2), raw * 2));
            Assert.InRange(kept.to_type(ScalarType.Float32).mean().item<float>(), 0.35f, 0.65f);

            // When the step's backward pass has run and the drop is restored
            (weight * upstream).sum().backward();
            drop.Restore();

            // Then the raw weights are back
            Assert.True(Same(weight.detach(), raw));

            // And d loss / d raw = upstream x mask, where the mask is 2 for kept weights and 0 for cut ones
            Assert.True(weight.grad!.allclose(upstream * kept.to_type(ScalarType.Float32) * 2));
        }

        Assert.True(Same(weight.detach(), raw));
    }

    [Fact]
    public void Dispose_PutsTheRawWeightsBack_WhenTheStepFailsBeforeRestore()
    {
        // Given a weight of ones
        var weight = new TorchSharp.Modules.Parameter(ones([8, 8]));

        // When a weight drop is disposed without being restored
        SeededRandom.Draw(1, () => new RecurrentWeightDrop([weight], probability: 0.9)).Dispose();

        // Then the weight is whole again
        Assert.True(Same(weight.detach(), ones([8, 8])));
    }

    private static bool Same(Tensor first, Tensor second) => first.eq(second).all().item<bool>();

    /// <summary>Which output features of a training-mode forward pass came out as exact zeros.</summary>
    private static Tensor DroppedFeatures(bool locked)
    {
        return SeededRandom.Draw(7, () =>
        {
            using var model = new LstmLanguageModel(new ModelShape { VocabularySize = 30, EmbeddingSize = 8, RnnSize = 16, Layers = 1, Dropout = 0.5, LockedDropout = locked });
            model.train();
            return model.Features(randint(0, 30, [Batch, Time]), null).Features.eq(0);
        });
    }
}
