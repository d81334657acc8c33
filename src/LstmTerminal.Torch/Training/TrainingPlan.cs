using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Training;

/// <summary>Everything a training run needs, resolved from options, corpus and (when resuming) a checkpoint.</summary>
public sealed record TrainingPlan
{
    public required PreparedCorpus Corpus { get; init; }

    public required ModelShape Shape { get; init; }

    /// <summary>What decides the trajectory; a resumed run keeps its checkpoint's.</summary>
    public required TrainingSettings Settings { get; init; }

    public required int Epochs { get; init; }

    /// <summary>The global step to stop at, if before the last epoch ends.</summary>
    public required int? MaxSteps { get; init; }

    public required int SaveEvery { get; init; }

    /// <summary>Steps between two rounds of samples.</summary>
    public required int EvalEvery { get; init; }

    public required TimeSpan? TimeBudget { get; init; }

    /// <summary>What the learning rate is multiplied by after an epoch whose validation did not improve; 1 for never.</summary>
    public required double LearningRateDecay { get; init; }

    /// <summary>A cosine schedule over the run, in place of the plateau decay; null for the plateau decay.</summary>
    public CosineDecay? Cosine { get; init; }

    /// <summary>The phrases continued every <see cref="EvalEvery"/> steps.</summary>
    public required IReadOnlyList<string> PrimeTexts { get; init; }

    public required ISampler SampleSampler { get; init; }

    public required SamplingSettings SampleSettings { get; init; }

    public required CheckpointStore Checkpoints { get; init; }

    /// <summary>Where TensorBoard event files go; null for none.</summary>
    public string? TensorBoardDirectory { get; init; }

    /// <summary>Epochs without a better validation loss after which the run stops; null for never.</summary>
    public int? EarlyStoppingPatience { get; init; }
}
