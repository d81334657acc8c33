using LstmTerminal.Core.Model;
using static TorchSharp.torch;

namespace LstmTerminal.Core.Tests.Model;

/// <summary>Where the model's dropout masks fall: per word, or locked for a whole sequence.</summary>
public sealed class DropoutTests
{
    private const int Batch = 6;
    private const int Time = 9;

    [Fact]
    public void LockedDropout_DropsTheSameFeaturesAtEveryTimeStepOfASequence()
    {
        var dropped = DroppedFeatures(locked: true);

        for (var t = 1; t < Time; t++)
        {
            Assert.True(Same(dropped[.., t, ..], dropped[.., 0, ..]), $"time step {t} has a mask of its own");
        }

        // Sequences do not share a mask, and the mask drops about half the features.
        Assert.False(Same(dropped[0, 0, ..], dropped[1, 0, ..]));
        Assert.InRange(dropped.to_type(ScalarType.Float32).mean().item<float>(), 0.3f, 0.7f);
    }

    [Fact]
    public void PlainDropout_DrawsAFreshMaskForEveryWord()
    {
        var dropped = DroppedFeatures(locked: false);

        Assert.False(Same(dropped[.., 1, ..], dropped[.., 0, ..]));
        Assert.InRange(dropped.to_type(ScalarType.Float32).mean().item<float>(), 0.3f, 0.7f);
    }

    [Fact]
    public void Evaluation_DropsNothing()
    {
        using var model = new LstmLanguageModel(new ModelShape(30, 8, 16, 1, Dropout: 0.5, LockedDropout: true));
        model.eval();

        var (features, _, _) = model.Features(randint(0, 30, [Batch, Time]), null);

        Assert.Equal(0, features.eq(0).count_nonzero().item<long>());
    }

    private static bool Same(Tensor first, Tensor second) => first.eq(second).all().item<bool>();

    /// <summary>Which output features of a training-mode forward pass came out as exact zeros.</summary>
    private static Tensor DroppedFeatures(bool locked)
    {
        manual_seed(7);
        using var model = new LstmLanguageModel(new ModelShape(30, 8, 16, 1, Dropout: 0.5, LockedDropout: locked));
        model.train();
        var (features, _, _) = model.Features(randint(0, 30, [Batch, Time]), null);
        return features.eq(0);
    }
}
