namespace LstmTerminal.Torch.Bench;

/// <summary>What <c>lstm-terminal bench</c> measures; the property names are the <c>--json</c> field names.</summary>
public sealed record BenchReport
{
    /// <summary>Tokens per second of the median timed training step.</summary>
    public required double TrainTokensPerSecond { get; init; }

    /// <summary>
    /// Raw characters of training text consumed per second: <see cref="TrainTokensPerSecond"/> times the training text's
    /// characters per token, so that token levels compare.
    /// </summary>
    public required double TrainCharactersPerSecond { get; init; }

    /// <summary>Where the timed steps' time went: each phase's share of their total.</summary>
    public required StepShares StepShares { get; init; }

    /// <summary>Greedy generation, milliseconds per word.</summary>
    public required double GenerateMsPerWord { get; init; }

    /// <summary>The machine's matrix-multiplication speed, the ceiling training is measured against.</summary>
    public required double GemmGflops { get; init; }

    public required double FlopsPerToken { get; init; }

    /// <summary>The share of the GEMM ceiling training reaches.</summary>
    public required double BoundFraction { get; init; }

    public required double PeakWorkingSetMb { get; init; }

    public required int TimedSteps { get; init; }

    public required int VocabularySize { get; init; }
}

/// <summary>Shares of the timed steps' wall time; <see cref="Other"/> is the rest (the batch, the carried state, the step's record).</summary>
public sealed record StepShares(double LstmForward, double OutputAndLoss, double Backward, double ClipAndOptimizer, double Other);
