using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using LstmTerminal.Torch.Workflow;

namespace LstmTerminal.Tests.Support;

/// <summary>A real <see cref="TrainingSession"/> on the text-file plugin over <see cref="TinyCorpus"/>, with a tiny model.</summary>
internal static class TinySession
{
    /// <param name="catalog">The shipped plugins unless given, e.g. with hostile ones beside them.</param>
    public static TrainingSession Create(
        TempDirectory temp, IProgress<SessionEvent> events, int maxSteps = 20, int evalEvery = 5, string? corpusPath = null, string sampler = "greedy",
        PluginCatalog? catalog = null, string corpusProvider = "text-file", string? fallbackProvider = null)
    {
        catalog ??= ShippedPlugins.Catalog;
        var training = new TrainingOptions
        {
            BatchSize = 4,
            SequenceLength = 8,
            LearningRate = 0.01,
            Epochs = 10,
            MaxSteps = maxSteps,
            EvalEvery = evalEvery,
            SaveEvery = 100_000,
            Seed = 7,
            PrimeTexts = ["thou art more"],
            CheckpointDirectory = temp.Combine("ckpt"),
        };
        var sampling = new SamplingOptions { Sampler = sampler, Words = 5, Seed = 1 };
        var planner = new TrainingPlanner(new ModelOptions { EmbeddingSize = 16, RnnSize = 24 }, training, new VocabularyOptions { MinWordFrequency = 1 }, sampling);
        var corpus = new CorpusOptions { Provider = corpusProvider, Path = corpusPath ?? TinyCorpus.WriteTo(temp.Combine("tiny.txt")), FallbackProvider = fallbackProvider };
        return new TrainingSession(new CorpusLoader(catalog, corpus.LoadTimeout, corpus.FallbackProvider), planner, catalog, corpus, new TextOptions(), training, sampling, events, NullLogger.Instance);
    }
}
