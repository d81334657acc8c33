namespace LstmTerminal.Core.Checkpoints;

/// <summary>The file names inside a checkpoint folder. The manifest is written last: it marks a complete folder.</summary>
internal static class CheckpointFiles
{
    public const string Weights = "model.bin";

    /// <summary>The raw weights training continues from, when model.bin holds their average.</summary>
    public const string TrainingWeights = "training-weights.bin";
    public const string Optimizer = "optimizer.bin";
    public const string CarriedState = "lstm-state.bin";
    public const string Vocabulary = "vocab.json";
    public const string Manifest = "checkpoint.json";
}
