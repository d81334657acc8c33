using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

public sealed class TrainingMemoryTests
{
    [Fact]
    public void Check_RefusesSettingsBeyondTheMachine_NamingWhatToLower()
    {
        // Given a huge model and batch
        var plan = Plans.Tiny("unused");
        var shape = plan.Shape with { EmbeddingSize = 4096, RnnSize = 4096, Layers = 8 };
        var settings = plan.Settings with { BatchSize = 100_000, SequenceLength = 10_000 };

        // When they are checked against a 16 GiB machine
        var error = Assert.Throws<TrainingMemoryException>(() => TrainingMemory.Check(shape, settings, availableBytes: 16L << 30));

        // Then they are refused, naming the machine's memory and a setting to lower
        Assert.Contains("more than the 17.2 GB this machine has", error.Message);
        Assert.Contains("Training:BatchSize", error.Message);
    }

    [Fact]
    public void Check_LetsTheRecipeThrough_OnASmallMachine()
    {
        // Given the recipe's model on a 10,000-word vocabulary
        var plan = Plans.Tiny("unused");
        var recipe = plan.Shape with { VocabularySize = 10_000, EmbeddingSize = 128, RnnSize = 128 };

        // Then a 1 GiB machine (and one of unknown size) lets it train
        TrainingMemory.Check(recipe, plan.Settings with { BatchSize = 100, SequenceLength = 50 }, availableBytes: 1L << 30);
        TrainingMemory.Check(recipe, plan.Settings, availableBytes: null);
    }
}
