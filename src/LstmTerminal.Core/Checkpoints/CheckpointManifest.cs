using LstmTerminal.Core.Model;
using LstmTerminal.Core.Training;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>The contents of <c>checkpoint.json</c>: where training stands and the settings that produced it.</summary>
public sealed record CheckpointManifest
{
    /// <summary>2: data files in a subfolder named by <see cref="Data"/>; 1: data files beside the manifest (still read).</summary>
    public const int CurrentFormatVersion = 2;

    public const int FlatFormatVersion = 1;

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

    /// <summary>The save's data files; written by the store, absent in format 1.</summary>
    public CheckpointData? Data { get; init; }
}

/// <param name="Folder">The subfolder of the checkpoint folder holding the files.</param>
/// <param name="Previous">
/// The data folder of the save this one replaced, kept for readers that are still on it ("." for a format-1 save,
/// whose files lie beside the manifest); null if there was none.
/// </param>
public sealed record CheckpointData(string Folder, List<CheckpointFileEntry> Files, string? Previous);

/// <summary>One data file as it was written: a missing, truncated or altered file is refused by these.</summary>
public sealed record CheckpointFileEntry(string Name, long Bytes, string Sha256);

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
