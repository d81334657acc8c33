using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Torch.Training;

public enum StopReason
{
    Completed,
    StepLimit,
    TimeBudget,
    Cancelled,
    Diverged,

    /// <summary>The validation loss did not improve for the configured number of epochs.</summary>
    EarlyStopped,
}

public sealed record TrainingResult
{
    public required StopReason Reason { get; init; }

    /// <summary>The global step the run stopped at.</summary>
    public required long Steps { get; init; }

    public required int EpochsCompleted { get; init; }

    /// <summary>Mean training loss of the last steps run (up to ten); null if the run took no step.</summary>
    public required double? Loss { get; init; }

    /// <summary>The last validation's (of the saved weights, when the run ended mid-epoch); null if none ran, infinite if it diverged.</summary>
    public required double? ValidationLoss { get; init; }

    /// <summary>The last validation's; null if none ran, infinite if it diverged.</summary>
    public required double? ValidationPerplexity { get; init; }

    /// <summary>The last validation's; null if none ran or the tokenizer is lossy.</summary>
    public required double? ValidationBitsPerCharacter { get; init; }

    /// <summary>Training tokens per second over the run; 0 if it took no step.</summary>
    public required double TokensPerSecond { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>The folder of this run's last successful save, or null if none succeeded.</summary>
    public required string? Checkpoint { get; init; }

    /// <summary>The step that save holds.</summary>
    public required long? CheckpointStep { get; init; }

    /// <summary>Why the run stopped early (divergence), for the user to read.</summary>
    public required string? Problem { get; init; }

    /// <summary>Why the run's last save failed, when it did: the folder then holds an older checkpoint.</summary>
    public required string? SaveProblem { get; init; }

    /// <summary>The run ended as planned (not cancelled, not diverged) and its last save succeeded.</summary>
    public bool Succeeded => Reason is StopReason.Completed or StopReason.StepLimit or StopReason.TimeBudget or StopReason.EarlyStopped && SaveProblem is null;

    /// <summary>The result of a run read off its parts.</summary>
    /// <param name="startStep">The step the run started from.</param>
    /// <param name="finalValidation">The saved weights' validation when the run ended mid-epoch; it outranks the epochs'.</param>
    internal static TrainingResult Of(StopReason reason, string? problem, TrainingPosition position, RunClock clock, long startStep, CheckpointWriter checkpoints, ValidationPoint? finalValidation)
    {
        var elapsed = clock.Elapsed;
        var validation = finalValidation ?? position.ValidationHistory.LastOrDefault();
        return new TrainingResult
        {
            Reason = reason,
            Steps = position.Step,
            EpochsCompleted = position.Epoch,
            Loss = position.RecentLoss(since: startStep),
            ValidationLoss = validation?.Loss,
            ValidationPerplexity = validation?.Perplexity,
            ValidationBitsPerCharacter = validation?.BitsPerCharacter,
            TokensPerSecond = clock.TokensPerSecond(position.Step, elapsed),
            Elapsed = elapsed,
            Checkpoint = checkpoints.LastSaved?.Directory,
            CheckpointStep = checkpoints.LastSaved?.Step,
            Problem = problem,
            SaveProblem = checkpoints.LastProblem,
        };
    }
}
