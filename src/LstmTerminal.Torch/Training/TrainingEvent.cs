using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Torch.Training;

/// <summary>Something the trainer reports while it runs.</summary>
public abstract record TrainingEvent
{
    /// <summary>The global step trained when it happened.</summary>
    public abstract long Step { get; init; }
}

public sealed record StepCompleted : TrainingEvent
{
    public required override long Step { get; init; }

    /// <summary>The global step at which the run ends, if nothing stops it earlier.</summary>
    public required long TotalSteps { get; init; }

    /// <summary>The epoch in progress, 1-based.</summary>
    public required int Epoch { get; init; }

    public required int Epochs { get; init; }

    /// <summary>The steps of the epoch done, this one included (1 to <see cref="StepsPerEpoch"/>).</summary>
    public required int StepInEpoch { get; init; }

    public required int StepsPerEpoch { get; init; }

    public required double Loss { get; init; }

    /// <summary>Training tokens per second since the run started.</summary>
    public required double TokensPerSecond { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Until the run ends: the steps to go at the speed so far, or the time budget's rest if that is shorter.</summary>
    public required TimeSpan Eta { get; init; }
}

public sealed record SamplesGenerated(long Step, IReadOnlyList<TrainingSample> Samples) : TrainingEvent;

public sealed record TrainingSample(string Prime, string Continuation);

public sealed record ValidationCompleted : TrainingEvent
{
    public required override long Step { get; init; }

    /// <summary>The epoch it ended (or, <see cref="MidEpoch"/>, the one the run stopped in), 1-based.</summary>
    public required int Epoch { get; init; }

    /// <summary>The run's closing validation of the weights it saved, when a budget or step limit ended it mid-epoch.</summary>
    public bool MidEpoch { get; init; }

    public required double Loss { get; init; }

    public required double Perplexity { get; init; }

    /// <summary>Null when the tokenizer is lossy (its tokens do not spell the validation text).</summary>
    public required double? BitsPerCharacter { get; init; }

    public static ValidationCompleted Of(ValidationPoint point) =>
        new() { Step = point.Step, Epoch = point.Epoch, Loss = point.Loss, Perplexity = point.Perplexity, BitsPerCharacter = point.BitsPerCharacter };
}

/// <summary>The validation loss did not improve, so the learning rate was lowered.</summary>
public sealed record LearningRateLowered(long Step, double LearningRate) : TrainingEvent;

public sealed record CheckpointSaved(long Step, string Directory) : TrainingEvent;

public sealed record CheckpointFailed(long Step, string Message) : TrainingEvent;

/// <summary>The epoch's validation loss was the lowest so far and its checkpoint was saved to <paramref name="Directory"/>.</summary>
public sealed record BestCheckpointSaved(long Step, string Directory, double ValidationLoss) : TrainingEvent;

/// <summary>A record beside the checkpoints (metrics, TensorBoard, the best checkpoint) was not written; training goes on.</summary>
public sealed record RecordFailed(long Step, string Message) : TrainingEvent;
