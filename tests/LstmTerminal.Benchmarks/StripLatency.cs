using System.Diagnostics;
using System.Globalization;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;
using LstmTerminal.Interactive;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace LstmTerminal.Benchmarks;

/// <summary>
/// Keystroke-to-strip latency of the console's prediction strip, as a measurement rather than a BenchmarkDotNet run
/// (a latency distribution over a typed passage, with or without training beside it): the time from a keystroke's
/// request to <see cref="SuggestionFeed"/>'s answer for that text, for 200 keystrokes typed one character at a time;
/// then the managed heap and working set over 10,000 more. Usage: <c>strip-latency [--rnn-size N] [--training]</c>.
/// </summary>
internal static class StripLatency
{
    private const int Keystrokes = 200;
    private const int MemoryKeystrokes = 10_000;

    public static async Task RunAsync(string[] args)
    {
        var rnnSize = args.SkipWhile(a => a != "--rnn-size").Skip(1).Select(int.Parse).FirstOrDefault(128);
        var training = args.Contains("--training");
        var text = await File.ReadAllTextAsync(SharedData.TinyShakespeare);
        var folder = Directory.CreateTempSubdirectory("strip-latency-");
        try
        {
            using var trainer = Trainer.Start(Plan(text, rnnSize, folder.FullName));
            using var stop = new CancellationTokenSource();
            var run = training ? trainer.RunAsync(null, stop.Token) : Task.CompletedTask;
            var feed = new SuggestionFeed(new TrainerModels(trainer), NullLogger.Instance, TimeProvider.System);
            var passage = text[..4000].Replace('\n', ' ');
            Type(feed, passage, 20); // warm-up: JIT and the first published weights
            var latencies = Type(feed, passage[20..], Keystrokes);
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rnnSize {rnnSize}, training {(training ? "running" : "idle")}, vocabulary {trainer.Corpus.Vocabulary.Count}: keystroke-to-strip over {Keystrokes} keystrokes: median {latencies[Keystrokes / 2]:F2} ms, p95 {latencies[Keystrokes * 95 / 100]:F2} ms, max {latencies[^1]:F2} ms"));

            var before = Memory();
            Type(feed, string.Concat(Enumerable.Repeat(passage, 3)), MemoryKeystrokes);
            var after = Memory();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memory after {MemoryKeystrokes} more keystrokes: managed heap {before.Heap:F1} -> {after.Heap:F1} MB, working set {before.WorkingSet:F1} -> {after.WorkingSet:F1} MB"));
            await stop.CancelAsync();
            await run;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Types <paramref name="count"/> characters of the passage, starting a new line every 60; returns each keystroke's latency in ms.</summary>
    private static List<double> Type(SuggestionFeed feed, string passage, int count)
    {
        var latencies = new List<double>(count);
        using var answered = new SemaphoreSlim(0);
        var waitingFor = string.Empty;
        feed.Updated += OnUpdated;
        for (var i = 0; i < count; i++)
        {
            var typed = passage.Substring(i / 60 * 60 % (passage.Length - 60), i % 60 + 1);
            Volatile.Write(ref waitingFor, typed);
            var started = Stopwatch.GetTimestamp();
            feed.Request(typed);
            answered.Wait();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        feed.Updated -= OnUpdated;
        return latencies;

        void OnUpdated()
        {
            if (feed.Latest.Text == Volatile.Read(ref waitingFor))
            {
                answered.Release();
            }
        }
    }

    private static (double Heap, double WorkingSet) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return (GC.GetTotalMemory(true) / 1e6, Process.GetCurrentProcess().WorkingSet64 / 1e6);
    }

    /// <summary>The recipe (128 embedding, one layer, 100 x 50 batches, words seen more than 5 times) with the given hidden size.</summary>
    private static TrainingPlan Plan(string text, int rnnSize, string folder)
    {
        var plugins = PluginCatalog.Load(PluginsFolder.Path, PluginContext.Empty);
        var vocabulary = TokenizerCalls.LearnAsync(plugins, TokenizerNames.Words, text, null, CancellationToken.None).GetAwaiter().GetResult();
        var corpus = PreparedCorpus.From(new Corpus("tinyshakespeare", text, "file"), vocabulary, validationFraction: 0.1);
        return new TrainingPlan
        {
            Corpus = corpus,
            Shape = new ModelShape { VocabularySize = corpus.Vocabulary.Count, EmbeddingSize = 128, RnnSize = rnnSize, Layers = 1, Dropout = 0 },
            Settings = new TrainingSettings
            {
                BatchSize = 100, SequenceLength = 50, LearningRate = 0.001, GradientClip = 4.5, ValidationFraction = 0.1, MinWordFrequency = 5, Seed = 1,
            },
            Epochs = 100,
            MaxSteps = null,
            SaveEvery = 1_000_000,
            EvalEvery = 1_000_000,
            TimeBudget = null,
            LearningRateDecay = 1.0,
            PrimeTexts = [],
            SampleSampler = new ArgMaxSampler(),
            SampleSettings = new SamplingSettings { Words = 1, Seed = 1 },
            Checkpoints = new CheckpointStore(folder),
        };
    }

    private sealed class TrainerModels(Trainer trainer) : IGeneratorSource
    {
        public Generator? TryCreateGenerator() => trainer.CreateGenerator();
    }
}
