using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Tests.Support;

/// <summary>A tiny model on <see cref="TinyCorpus"/>, trained for a given number of steps (0 = untrained, near-uniform).</summary>
public sealed class TinyModel : IGeneratorSource, IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly Trainer _trainer;

    public TinyModel(int steps)
    {
        var corpus = PreparedCorpus.From(new Corpus("tiny", TinyCorpus.Text(), "memory"), vocabulary: null, minWordFrequency: 1, validationFraction: 0.1);
        var settings = new TrainingSettings(BatchSize: 4, SequenceLength: 8, LearningRate: 0.01, GradientClip: 4.5, ValidationFraction: 0.1, MinWordFrequency: 1, Seed: 7);
        var plan = new TrainingPlan(
            corpus,
            new ModelShape(corpus.Vocabulary.Count, EmbeddingSize: 16, RnnSize: 24, Layers: 1, Dropout: 0),
            settings,
            Epochs: 10,
            MaxSteps: Math.Max(1, steps),
            SaveEvery: 100_000,
            EvalEvery: 100_000,
            TimeBudget: null,
            LearningRateDecay: 1.0,
            PrimeTexts: [],
            SampleSampler: ShippedPlugins.Catalog.GetSampler("greedy").Plugin,
            SampleSettings: new SamplingSettings { Words = 5, Temperature = 1.0, Seed = 1 },
            Checkpoints: new CheckpointStore(_temp.Combine("ckpt")));
        _trainer = Trainer.Start(plan);
        if (steps > 0)
        {
            _trainer.Run(null, CancellationToken.None);
        }
    }

    public Generator? TryCreateGenerator() => _trainer.CreateGenerator();

    public void Dispose()
    {
        _trainer.Dispose();
        _temp.Dispose();
    }
}
