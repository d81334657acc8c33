using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Core.Tests.Support;

/// <summary>Training plans for a tiny model on <see cref="TinyCorpus"/>.</summary>
internal static class Plans
{
    public static TrainingPlan Tiny(string checkpointDirectory, int epochs = 3, int? maxSteps = null, int saveEvery = 1000, int evalEvery = 1000, int seed = 7, Abstractions.Corpus? text = null)
    {
        var corpus = PreparedCorpus.From(text ?? TinyCorpus.Corpus(), vocabulary: null, minWordFrequency: 1, validationFraction: 0.1);
        var settings = new TrainingSettings(BatchSize: 4, SequenceLength: 8, LearningRate: 0.01, GradientClip: 4.5, ValidationFraction: 0.1, MinWordFrequency: 1, Seed: seed);
        return new TrainingPlan(
            corpus,
            new ModelShape(corpus.Vocabulary.Count, EmbeddingSize: 16, RnnSize: 24, Layers: 1, Dropout: 0),
            settings,
            epochs,
            maxSteps,
            saveEvery,
            evalEvery,
            TimeBudget: null,
            LearningRateDecay: 1.0,
            ["thou art more"],
            new ArgMaxSampler(),
            new SamplingSettings { Words = 5, Temperature = 1.0, Seed = 1 },
            new CheckpointStore(checkpointDirectory));
    }
}
