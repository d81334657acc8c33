using LstmTerminal.Core.Training;
namespace LstmTerminal.Torch.Training;

public enum StopReason
{
    Completed,
    StepLimit,
    TimeBudget,
    Cancelled,
    Diverged,
}

/// <param name="Loss">Mean training loss of the last steps run (up to ten); null if the run took no step.</param>
/// <param name="ValidationPerplexity">The last validation's; null if none ran, infinite if it diverged.</param>
/// <param name="Checkpoint">The folder of this run's last successful save, or null if none succeeded.</param>
/// <param name="CheckpointStep">The step that save holds.</param>
/// <param name="SaveProblem">Why the run's last save failed, when it did: the folder then holds an older checkpoint.</param>
public sealed record TrainingResult(
    StopReason Reason,
    long Steps,
    int EpochsCompleted,
    double? Loss,
    double? ValidationLoss,
    double? ValidationPerplexity,
    double TokensPerSecond,
    TimeSpan Elapsed,
    string? Checkpoint,
    long? CheckpointStep,
    string? Problem,
    string? SaveProblem)
{
    /// <summary>The run ended as planned (not cancelled, not diverged) and its last save succeeded.</summary>
    public bool Succeeded => Reason is StopReason.Completed or StopReason.StepLimit or StopReason.TimeBudget && SaveProblem is null;
}
