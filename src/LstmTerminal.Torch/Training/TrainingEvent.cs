using LstmTerminal.Core.Training;
namespace LstmTerminal.Torch.Training;

/// <summary>Something the trainer reports while it runs.</summary>
public abstract record TrainingEvent(long Step);

/// <param name="Epoch">1-based epoch in progress.</param>
/// <param name="Window">1-based batch within the epoch.</param>
public sealed record StepCompleted(
    long Step,
    long TotalSteps,
    int Epoch,
    int Epochs,
    int Window,
    int Windows,
    double Loss,
    double TokensPerSecond,
    TimeSpan Elapsed,
    TimeSpan Eta) : TrainingEvent(Step);

public sealed record SamplesGenerated(long Step, IReadOnlyList<TrainingSample> Samples) : TrainingEvent(Step);

public sealed record TrainingSample(string Prime, string Continuation);

public sealed record ValidationCompleted(long Step, int Epoch, double Loss, double Perplexity) : TrainingEvent(Step);

/// <summary>The validation loss did not improve, so the learning rate was lowered.</summary>
public sealed record LearningRateLowered(long Step, double LearningRate) : TrainingEvent(Step);

public sealed record CheckpointSaved(long Step, string Directory) : TrainingEvent(Step);

public sealed record CheckpointFailed(long Step, string Message) : TrainingEvent(Step);
