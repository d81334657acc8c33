namespace LstmTerminal.Core.Records;

/// <summary>One line of <see cref="MetricsCsv"/>: a training step, with the validation when the step ended an epoch.</summary>
public sealed record MetricsRow
{
    public required long Step { get; init; }

    /// <summary>The epoch the step belongs to, 1-based.</summary>
    public required int Epoch { get; init; }

    public required double Loss { get; init; }

    public required double LearningRate { get; init; }

    public required double TokensPerSecond { get; init; }

    public double? ValidationLoss { get; init; }

    public double? ValidationPerplexity { get; init; }

    /// <summary>The process's working set after the step, in bytes.</summary>
    public required long WorkingSetBytes { get; init; }
}
