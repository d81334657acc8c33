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
    /// <param name="charactersPerToken">Characters of the training text per training token.</param>
    public static BenchReport Run(Trainer trainer, ISampler greedy, double charactersPerToken, CancellationToken cancellationToken)
    {
        // Generation first: right after training, libtorch's worker threads still spin and would be measured too.
        var msPerWord = GenerateMsPerWord(trainer.CreateGenerator(), greedy, cancellationToken);
        var stepTimes = new List<double>();
        var previous = TimeSpan.Zero;
        var phases = trainer.Phases = new StepPhases();
        trainer.Run(new SynchronousProgress<TrainingEvent>(e =>
        {
            if (e is StepCompleted step)
            {
                if (step.Step > WarmupSteps)
                {
                    stepTimes.Add((step.Elapsed - previous).TotalSeconds);
                }
                else
                {
                    phases.Reset();
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
            TrainCharactersPerSecond = trainTokensPerSecond * charactersPerToken,
            StepShares = SharesOf(phases, stepTimes.Sum()),
            GenerateMsPerWord = msPerWord,
            GemmGflops = gflops,
            FlopsPerToken = flopsPerToken,
            BoundFraction = trainTokensPerSecond * flopsPerToken / (gflops * 1e9),
            PeakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),
            TimedSteps = stepTimes.Count,
            VocabularySize = trainer.Corpus.Vocabulary.Count,
        };
    }

    private static StepShares SharesOf(StepPhases phases, double totalSeconds)
    {
        double Share(StepPhase phase) => phases.Seconds(phase) / totalSeconds;
        var measured = Enum.GetValues<StepPhase>().Sum(Share);
        return new StepShares(Share(StepPhase.LstmForward), Share(StepPhase.OutputAndLoss), Share(StepPhase.Backward), Share(StepPhase.ClipAndOptimizer),
            Math.Max(0, 1 - measured));
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
