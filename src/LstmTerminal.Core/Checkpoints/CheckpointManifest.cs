using LstmTerminal.Core.Model;
using LstmTerminal.Core.Training;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>The contents of <c>checkpoint.json</c>: where training stands and the settings that produced it.</summary>
public sealed record CheckpointManifest
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required long Step { get; init; }

    /// <summary>The epoch in progress (0-based); equals the epochs completed when <see cref="Window"/> is 0.</summary>
    public required int Epoch { get; init; }

    /// <summary>The next window of <see cref="Epoch"/> to train.</summary>
    public required int Window { get; init; }

    public required ModelShape Model { get; init; }

    public required TrainingSettings Training { get; init; }

    public required string Corpus { get; init; }

    public required List<LossPoint> LossHistory { get; init; }

    public required List<ValidationPoint> ValidationHistory { get; init; }

    /// <summary>The learning rate in force, lowered from the settings' by plateau decay; absent before any decay.</summary>
    public double? LearningRate { get; init; }

    public DateTimeOffset SavedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>The settings a resumed run must keep to continue the same trajectory.</summary>
public sealed record TrainingSettings(
    int BatchSize,
    int SequenceLength,
    double LearningRate,
    double GradientClip,
    double ValidationFraction,
    int MinWordFrequency,
    int Seed,
    SoftmaxObjective Softmax = SoftmaxObjective.Full,
    int SampledCandidates = 0,
    double WeightAveraging = 0,
    double WeightDecay = 0);

public sealed record LossPoint(long Step, double Loss);

public sealed record ValidationPoint(long Step, int Epoch, double Loss, double Perplexity);
