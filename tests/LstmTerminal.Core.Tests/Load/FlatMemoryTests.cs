using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Tests.Support;
using LstmTerminal.Core.Training;
using Xunit.Abstractions;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Core.Tests.Load;

/// <summary>Memory stays flat over long runs: tensors and buffers are released, nothing accumulates per word or step.</summary>
[Collection(ProcessMemoryCollection.Name)]
public sealed class FlatMemoryTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void TenThousandCompletions_KeepTheWorkingSetFlat()
    {
        using var trained = new TrainedModel();
        var generator = trained.CreateGenerator();
        var prime = generator.Encode("thou art more");
        var sampler = new ArgMaxSampler();
        double atThousand = 0;

        for (var i = 1; i <= 10_000; i++)
        {
            var words = generator.Continue(prime, sampler, new SamplingSettings { Words = 10, Temperature = 1.0, Seed = i }).Count();
            Assert.Equal(10, words);
            if (i == 1_000)
            {
                atThousand = WorkingSet.Megabytes();
            }
        }

        var atTenThousand = WorkingSet.Megabytes();
        output.WriteLine($"working set after 1,000 completions: {atThousand:F1} MB; after 10,000: {atTenThousand:F1} MB");
        Assert.True(atTenThousand < atThousand * 1.05 + 5, $"grew from {atThousand:F1} MB to {atTenThousand:F1} MB");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void TrainingOnTinyShakespeare_KeepsTheWorkingSetFlat_AfterTheFirstHundredSteps()
    {
        // Given the recipe model on tinyshakespeare (36 steps an epoch), trained for four epochs
        using var temp = new TempDirectory();
        var corpus = new Corpus("tinyshakespeare", File.ReadAllText(SharedData.TinyShakespeare), SharedData.TinyShakespeare);
        var prepared = PreparedCorpus.From(corpus, vocabulary: null, minWordFrequency: 5, validationFraction: 0.1);
        var plan = Plans.Tiny(temp.Combine("ckpt"), epochs: 4) with
        {
            Corpus = prepared,
            Shape = new ModelShape(prepared.Vocabulary.Count, 128, 128, 1, 0),
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
