using System.ComponentModel.DataAnnotations;
using LstmTerminal.Core.Training;

namespace LstmTerminal.Core.Options;

public sealed class TrainingOptions
{
    public const string Section = "Training";

    [Range(1, 100_000, ErrorMessage = "Training:BatchSize must be between 1 and 100000.")]
    public int BatchSize { get; set; } = 100;

    [Range(1, 10_000, ErrorMessage = "Training:SequenceLength must be between 1 and 10000.")]
    public int SequenceLength { get; set; } = 50;

    [Range(1e-9, 10.0, ErrorMessage = "Training:LearningRate must be greater than 0 and at most 10.")]
    public double LearningRate { get; set; } = 0.001;

    [Range(1, 100_000, ErrorMessage = "Training:Epochs must be between 1 and 100000.")]
    public int Epochs { get; set; } = 10;

    [Range(1, int.MaxValue, ErrorMessage = "Training:MaxSteps must be at least 1 (leave it unset for no limit).")]
    public int? MaxSteps { get; set; }

    [Range(1e-6, 1e6, ErrorMessage = "Training:GradientClip must be greater than 0.")]
    public double GradientClip { get; set; } = 4.5;

    [Range(1, int.MaxValue, ErrorMessage = "Training:SaveEvery must be at least 1.")]
    public int SaveEvery { get; set; } = 500;

    [Range(1, int.MaxValue, ErrorMessage = "Training:EvalEvery must be at least 1.")]
    public int EvalEvery { get; set; } = 50;

    [Range(0.0, 0.9, ErrorMessage = "Training:ValidationFraction must be between 0 and 0.9.")]
    public double ValidationFraction { get; set; } = 0.1;

    public int? Seed { get; set; }

    /// <summary>Wall-clock time a run may train before it stops and checkpoints, e.g. <c>00:10:00</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00", ErrorMessage = "Training:TimeBudget must be a duration between 00:00:01 and 365.00:00:00 (leave it unset for no limit).")]
    public TimeSpan? TimeBudget { get; set; }

    /// <summary>Factor applied to the learning rate when an epoch's validation loss does not improve; 1 = never.</summary>
    [Range(0.01, 1.0, ErrorMessage = "Training:LearningRateDecay must be between 0.01 and 1 (1 keeps the rate constant).")]
    public double LearningRateDecay { get; set; } = 1.0;

    public LearningRateSchedule LearningRateSchedule { get; set; } = LearningRateSchedule.Plateau;

    /// <summary>The fraction of <see cref="LearningRate"/> a cosine schedule ends at.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Training:CosineFloor must be between 0 and 1 (a fraction of Training:LearningRate).")]
    public double CosineFloor { get; set; } = 0.1;

    /// <summary>Full scores every word each step; Sampled only the batch's targets and <see cref="SampledCandidates"/> random words.</summary>
    public SoftmaxObjective Softmax { get; set; } = SoftmaxObjective.Full;

    /// <summary>Random words a sampled-softmax step scores besides the batch's targets.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Training:SampledCandidates must be between 1 and 1000000.")]
    public int SampledCandidates { get; set; } = 512;

    /// <summary>
    /// Decay of an exponential moving average of the weights (e.g. 0.999); validation, samples, the saved model and
    /// generation use the average. 0 = off.
    /// </summary>
    [Range(0.0, 0.99999, ErrorMessage = "Training:WeightAveraging must be between 0 (off) and 0.99999.")]
    public double WeightAveraging { get; set; }

    /// <summary>L2 penalty Adam adds to every gradient (weight x this); 0 = off.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Training:WeightDecay must be between 0 (off) and 1.")]
    public double WeightDecay { get; set; }

    /// <summary>Epochs in a row whose validation loss is no better than the best before them, after which training stops; unset = never.</summary>
    [Range(1, 100_000, ErrorMessage = "Training:EarlyStoppingPatience must be between 1 and 100000 (leave it unset to never stop early).")]
    public int? EarlyStoppingPatience { get; set; }

    /// <summary>A folder for TensorBoard event files of the training scalars; unset = none.</summary>
    public string? TensorBoardDirectory { get; set; }

    public List<string> PrimeTexts { get; set; } = [];

    [Required(ErrorMessage = "Training:CheckpointDirectory must name a folder.")]
    public string CheckpointDirectory { get; set; } = "checkpoints";
}
