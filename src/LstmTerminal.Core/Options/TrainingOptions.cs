using System.ComponentModel.DataAnnotations;

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

    public List<string> PrimeTexts { get; set; } = [];

    [Required(ErrorMessage = "Training:CheckpointDirectory must name a folder.")]
    public string CheckpointDirectory { get; set; } = "checkpoints";
}
