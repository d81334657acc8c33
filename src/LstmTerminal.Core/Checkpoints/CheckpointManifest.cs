using System.Text.Json.Serialization;
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

    /// <summary>The epoch in progress (0-based); equals the epochs completed when <see cref="StepInEpoch"/> is 0.</summary>
    public required int Epoch { get; init; }

    /// <summary>The steps of <see cref="Epoch"/> already trained, so the next one to train (0-based).</summary>
    [JsonPropertyName("window")]
    public required int StepInEpoch { get; init; }

    public required ModelShape Model { get; init; }

    public required TrainingSettings Training { get; init; }

    public required string Corpus { get; init; }

    /// <summary>The tokenizer plugin whose state is the save's vocab.json; absent in checkpoints from before tokenizers, which mean <c>words</c>.</summary>
    public string? Tokenizer { get; init; }

    public required List<LossPoint> LossHistory { get; init; }

    public required List<ValidationPoint> ValidationHistory { get; init; }

    /// <summary>The learning rate in force, lowered from the settings' by plateau decay; absent before any decay.</summary>
    public double? LearningRate { get; init; }

    public DateTimeOffset SavedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The save's data files; written by the folder's commit, absent in format 1.</summary>
    public FolderCommit? Data { get; init; }
}

/// <summary>
/// The settings a resumed run must keep to continue the same trajectory. The property names are the JSON names in
/// <c>checkpoint.json</c>; the optional ones came later and default to what older checkpoints did.
/// </summary>
public sealed record TrainingSettings
{
    public required int BatchSize { get; init; }

    public required int SequenceLength { get; init; }

    public required double LearningRate { get; init; }

    public required double GradientClip { get; init; }

    public required double ValidationFraction { get; init; }

    public required int MinWordFrequency { get; init; }

    public required int Seed { get; init; }

    public SoftmaxObjective Softmax { get; init; } = SoftmaxObjective.Full;

    /// <summary>Noise words per step of the sampled softmax; 0 with the full one.</summary>
    public int SampledCandidates { get; init; }

    /// <summary>The decay of the weights' moving average; 0 for none.</summary>
    public double WeightAveraging { get; init; }

    public double WeightDecay { get; init; }
}

public sealed record LossPoint(long Step, double Loss);

public sealed record ValidationPoint
{
    public required long Step { get; init; }

    /// <summary>The epoch it ended (1-based).</summary>
    public required int Epoch { get; init; }

    public required double Loss { get; init; }

    public required double Perplexity { get; init; }

    /// <summary>Of the validation text; null for a lossy tokenizer and in checkpoints written before it was recorded.</summary>
    public double? BitsPerCharacter { get; init; }
}
