using LstmTerminal.Core;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Training;
using Xunit.Abstractions;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Load;

/// <summary>Memory stays flat over long training runs: tensors and buffers are released, nothing accumulates per step.</summary>
[Collection(ProcessMemoryCollection.Name)]
public sealed class FlatTrainingMemoryTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Run_KeepsTheWorkingSetFlatAfterTheFirstHundredSteps_OnTinyShakespeare()
    {
        // Given the recipe model on tinyshakespeare (36 steps an epoch), trained for four epochs
        using var temp = new TempDirectory();
        var corpus = new Corpus("tinyshakespeare", File.ReadAllText(SharedData.TinyShakespeare), SharedData.TinyShakespeare);
        var prepared = PreparedCorpus.From(corpus, TokenizerPlugins.Words(corpus.Text, minWordFrequency: 5), validationFraction: 0.1);
        var plan = Plans.Tiny(temp.Combine("ckpt"), epochs: 4) with
        {
            Corpus = prepared,
            Shape = new ModelShape { VocabularySize = prepared.Vocabulary.Count, EmbeddingSize = 128, RnnSize = 128, Layers = 1, Dropout = 0 },
            EvalEvery = 50,
        };
        plan = plan with { Settings = plan.Settings with { BatchSize = 100, SequenceLength = 50, LearningRate = 0.001 } };
        using var trainer = Trainer.Start(plan);
        double atHundred = 0;

        // When it runs
        var result = trainer.Run(new SynchronousProgress<TrainingEvent>(e =>
        {
            if (e is StepCompleted { Step: 100 })
            {
                atHundred = WorkingSet.Megabytes();
            }
        }), CancellationToken.None);

        // Then the working set at the end is where it was at step 100
        var atEnd = WorkingSet.Megabytes();
        output.WriteLine($"working set at step 100: {atHundred:F1} MB; at step {result.Steps}: {atEnd:F1} MB");
        Assert.Equal(144, result.Steps);
        Assert.True(atEnd < atHundred * 1.10, $"grew from {atHundred:F1} MB to {atEnd:F1} MB");
    }
}
