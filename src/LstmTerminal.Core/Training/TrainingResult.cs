namespace LstmTerminal.Core.Training;

public enum StopReason
{
    Completed,
    StepLimit,
    TimeBudget,
    Cancelled,
    Diverged,
}

/// <param name="Loss">Mean training loss of the last steps run (up to ten).</param>
/// <param name="Checkpoint">The folder of the last successful save, or null if none succeeded.</param>
public sealed record TrainingResult(
    StopReason Reason,
    long Steps,
    int EpochsCompleted,
    double Loss,
    double? ValidationLoss,
    double? ValidationPerplexity,
    double TokensPerSecond,
    TimeSpan Elapsed,
    string? Checkpoint,
    string? Problem);
