using LstmTerminal.Core;
using System.Diagnostics;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Training;
using Generator = LstmTerminal.Core.Generation.Generator;
using SamplingSettings = LstmTerminal.Core.Generation.SamplingSettings;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Bench;

/// <summary>
/// Measures a trainer already set up with the user's settings: the median of individually timed training steps
/// after warm-up, greedy generation speed, the GEMM ceiling, and the share of it the training reaches.
/// </summary>
public static class BenchRunner
{
    /// <summary>Steps run before any is timed; the trainer's step limit counts them too.</summary>
    public const int WarmupSteps = 2;
    private const int GeneratedWords = 200;
    private const string Prime = "thou art more";

    /// <param name="trainer">A fresh trainer whose step limit is the warm-up plus the steps to time.</param>
    public static BenchReport Run(Trainer trainer, ISampler greedy, CancellationToken cancellationToken)
    {
        // Generation first: right after training, libtorch's worker threads still spin and would be measured too.
        var msPerWord = GenerateMsPerWord(trainer.CreateGenerator(), greedy, cancellationToken);
        var stepTimes = new List<double>();
        var previous = TimeSpan.Zero;
        trainer.Run(new SynchronousProgress<TrainingEvent>(e =>
        {
            if (e is StepCompleted step)
            {
                if (step.Step > WarmupSteps)
                {
                    stepTimes.Add((step.Elapsed - previous).TotalSeconds);
                }

                previous = step.Elapsed;
            }
        }), cancellationToken);

        if (stepTimes.Count == 0)
        {
            throw new InvalidOperationException("The bench ran no timed training step; the corpus or step limit is too small.");
        }

        var tokensPerStep = (double)trainer.TokensPerStep;
        var trainTokensPerSecond = tokensPerStep / Median.Of(stepTimes);
        var gflops = GemmProbe.Gflops();
        var flopsPerToken = TrainingFlops.PerToken(trainer.Shape);
        return new BenchReport
        {
            TrainTokensPerSecond = trainTokensPerSecond,
            GenerateMsPerWord = msPerWord,
            GemmGflops = gflops,
            FlopsPerToken = flopsPerToken,
            BoundFraction = trainTokensPerSecond * flopsPerToken / (gflops * 1e9),
            PeakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),
            TimedSteps = stepTimes.Count,
            VocabularySize = trainer.Corpus.Vocabulary.Count,
        };
    }

    private static double GenerateMsPerWord(Generator generator, ISampler greedy, CancellationToken cancellationToken)
    {
        var prime = generator.Encode(Prime);
        var settings = new SamplingSettings { Words = GeneratedWords, Temperature = 1.0, Seed = 1 };
        generator.Continue(prime, greedy, settings, cancellationToken).Count();
        var clock = Stopwatch.StartNew();
        var words = generator.Continue(prime, greedy, settings, cancellationToken).Count();
        return clock.Elapsed.TotalMilliseconds / words;
    }
}
