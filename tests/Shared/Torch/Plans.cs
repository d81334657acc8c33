using LstmTerminal.Core.Text;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Testing;

/// <summary>Training plans for a tiny model on <see cref="TinyCorpus"/>.</summary>
internal static class Plans
{
    /// <param name="vocabulary">The token level; null learns the word level from the text, as the recipe does.</param>
    public static TrainingPlan Tiny(string checkpointDirectory, int epochs = 3, int? maxSteps = null, int saveEvery = 1000, int evalEvery = 1000, int seed = 7, Corpus? text = null, GuardedVocabulary? vocabulary = null)
    {
        var raw = text ?? TinyCorpus.Corpus();
        var corpus = PreparedCorpus.From(raw, vocabulary ?? TokenizerPlugins.Words(raw.Text, minWordFrequency: 1), validationFraction: 0.1);
        return new TrainingPlan
        {
            Corpus = corpus,
            Shape = new ModelShape { VocabularySize = corpus.Vocabulary.Count, EmbeddingSize = 16, RnnSize = 24, Layers = 1, Dropout = 0 },
            Settings = new TrainingSettings
            {
                BatchSize = 4,
                SequenceLength = 8,
                LearningRate = 0.01,
                GradientClip = 4.5,
                ValidationFraction = 0.1,
                MinWordFrequency = 1,
                Seed = seed,
            },
            Epochs = epochs,
            MaxSteps = maxSteps,
            SaveEvery = saveEvery,
            EvalEvery = evalEvery,
            TimeBudget = null,
            LearningRateDecay = 1.0,
            PrimeTexts = ["thou art more"],
            SampleSampler = new ArgMaxSampler(),
            SampleSettings = new SamplingSettings { Words = 5, Temperature = 1.0, Seed = 1 },
            Checkpoints = new CheckpointStore(checkpointDirectory),
        };
    }
}
