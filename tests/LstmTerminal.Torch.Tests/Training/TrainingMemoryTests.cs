using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

public sealed class TrainingMemoryTests
{
    [Fact]
    public void Check_RefusesSettingsBeyondTheMachine_NamingWhatToLower()
    {
        var plan = Plans.Tiny("unused");
        var shape = plan.Shape with { EmbeddingSize = 4096, RnnSize = 4096, Layers = 8 };
        var settings = plan.Settings with { BatchSize = 100_000, SequenceLength = 10_000 };

        var error = Assert.Throws<TrainingMemoryException>(() => TrainingMemory.Check(shape, settings, availableBytes: 16L << 30));

        Assert.Contains("more than the 17.2 GB this machine has", error.Message);
        Assert.Contains("Training:BatchSize", error.Message);
    }

    [Fact]
    public void Check_LetsTheRecipeThrough_OnASmallMachine()
    {
        var plan = Plans.Tiny("unused");
        var recipe = plan.Shape with { VocabularySize = 10_000, EmbeddingSize = 128, RnnSize = 128 };

        TrainingMemory.Check(recipe, plan.Settings with { BatchSize = 100, SequenceLength = 50 }, availableBytes: 1L << 30);
        TrainingMemory.Check(recipe, plan.Settings, availableBytes: null);
    }
}
