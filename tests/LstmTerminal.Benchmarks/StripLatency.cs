using System.Diagnostics;
using System.Globalization;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;
using LstmTerminal.Core.Writing;
using LstmTerminal.Interactive;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace LstmTerminal.Benchmarks;

/// <summary>
/// Keystroke-to-strip latency of the console's prediction strip, as a measurement rather than a BenchmarkDotNet run
/// (a latency distribution over a typed passage, with or without training beside it): the time from a keystroke's
/// request to <see cref="SuggestionFeed"/>'s answer for that text, for 200 keystrokes typed one character at a time;
/// then the managed heap and working set over 10,000 more (or <c>--memory-keystrokes N</c>), sampled every 1,000.
/// The 200 are typed a keystroke every <c>--pace-ms</c> (100, a fast typist), so they span training steps and the
/// strip's model renewals (once a second) as typing does; the memory keystrokes follow as fast as they are answered.
/// Usage: <c>strip-latency [--rnn-size N] [--training] [--tokenizer NAME] [--context-words N] [--memory-keystrokes N] [--pace-ms N]</c>;
/// with <c>--context-words</c> every line is typed after a manuscript's last N words, as the console reads it.
/// </summary>
internal static class StripLatency
{
    private const int Keystrokes = 200;
    private const int MemorySample = 1_000;

    public static async Task RunAsync(string[] args)
    {
        var rnnSize = Option(args, "--rnn-size", 128);
        var contextWords = Option(args, "--context-words", 0);
        var memoryKeystrokes = Option(args, "--memory-keystrokes", 10_000);
        var tokenizer = args.SkipWhile(a => a != "--tokenizer").Skip(1).FirstOrDefault(TokenizerNames.Words);
        var pace = TimeSpan.FromMilliseconds(Option(args, "--pace-ms", 100));
        var training = args.Contains("--training");
        // Read without an await, so the keystrokes are typed on the main thread as the console's are on its UI thread, and
        // the wait for each answer never holds one of the pool threads the feed's worker and its renewal run on.
        var text = File.ReadAllText(SharedData.TinyShakespeare);
        var folder = Directory.CreateTempSubdirectory("strip-latency-");
        try
        {
            using var trainer = Trainer.Start(Plan(text, rnnSize, tokenizer, folder.FullName));
            using var stop = new CancellationTokenSource();
            var run = training ? trainer.RunAsync(null, stop.Token) : Task.CompletedTask;
            var feed = new SuggestionFeed(new TrainerModels(trainer), NullLogger.Instance, TimeProvider.System);
            var lines = Lines(text, contextWords, folder.FullName);
            Type(feed, lines, 0, 20, pace); // warm-up: JIT and the first published weights
            var pausedBefore = GC.GetTotalPauseDuration();
            var latencies = Type(feed, lines, 20, Keystrokes, pace);
            var paused = GC.GetTotalPauseDuration() - pausedBefore;
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rnnSize {rnnSize}, {tokenizer}, a keystroke every {pace.TotalMilliseconds:F0} ms, context {contextWords} words, training {(training ? "running" : "idle")}, vocabulary {trainer.Corpus.Vocabulary.Count}: keystroke-to-strip over {Keystrokes} keystrokes: median {latencies[Keystrokes / 2]:F2} ms, p95 {latencies[Keystrokes * 95 / 100]:F2} ms, max {latencies[^1]:F2} ms (garbage collection paused the process {paused.TotalMilliseconds:F1} ms in all)"));

            var before = Memory();
            var samples = new List<(double Heap, double WorkingSet)>();
            for (var typed = 0; typed < memoryKeystrokes; typed += MemorySample)
            {
                Type(feed, lines, 20 + Keystrokes + typed, Math.Min(MemorySample, memoryKeystrokes - typed), TimeSpan.Zero);
                samples.Add(Memory());
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memory after {memoryKeystrokes} more keystrokes: managed heap {before.Heap:F1} -> {samples[^1].Heap:F1} MB, working set {before.WorkingSet:F1} -> {samples[^1].WorkingSet:F1} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"working set every {MemorySample} keystrokes (MB): {string.Join(", ", samples.Select(m => m.WorkingSet.ToString("F0", CultureInfo.InvariantCulture)))}"));
            await stop.CancelAsync();
            await run;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static int Option(string[] args, string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);

    /// <summary>
    /// The texts the strip reads, keystroke by keystroke: the passage typed 60 characters a line; with
    /// <paramref name="contextWords"/>, each line after the manuscript's last words, every line before it kept as a part.
    /// </summary>
    private static Func<int, string> Lines(string text, int contextWords, string folder)
    {
        const int lineLength = 60;
        var passage = text[..20_000].Replace('\n', ' ');
        var lines = passage.Length / lineLength;
        var manuscript = Manuscript.Open(folder);
        var contexts = new string[lines];
        for (var line = 0; line < lines; line++)
        {
            // Joined as ManuscriptConsole.WithContext joins them.
            contexts[line] = contextWords > 0 && line > 0 ? manuscript.Context(contextWords) + "\n" : string.Empty;
            if (contextWords > 0)
            {
                manuscript.Append(passage.Substring(line * lineLength, lineLength));
            }
        }

        return keystroke =>
        {
            var line = keystroke / lineLength % lines;
            return contexts[line] + passage.Substring(line * lineLength, keystroke % lineLength + 1);
        };
    }

    /// <summary>Types keystrokes <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> of <paramref name="lines"/>; returns each one's latency in ms.</summary>
    /// <param name="pace">The time from one keystroke to the next, answer included.</param>
    private static List<double> Type(SuggestionFeed feed, Func<int, string> lines, int from, int count, TimeSpan pace)
    {
        var latencies = new List<double>(count);
        using var answered = new SemaphoreSlim(0);
        var waitingFor = string.Empty;
        feed.Updated += OnUpdated;
        for (var i = from; i < from + count; i++)
        {
            var typed = lines(i);
            Volatile.Write(ref waitingFor, typed);
            var started = Stopwatch.GetTimestamp();
            feed.Request(typed);
            answered.Wait();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (pace - Stopwatch.GetElapsedTime(started) is { Ticks: > 0 } rest)
            {
                Thread.Sleep(rest);
            }
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

    /// <summary>The recipe (128 embedding, one layer, 100 x 50 batches, words seen more than 5 times) with the given hidden size and token level.</summary>
    private static TrainingPlan Plan(string text, int rnnSize, string tokenizer, string folder)
    {
        var plugins = PluginCatalog.Load(PluginsFolder.Path, PluginContext.Empty);
        var vocabulary = TokenizerCalls.LearnAsync(plugins, tokenizer, text, null, CancellationToken.None).GetAwaiter().GetResult();
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
