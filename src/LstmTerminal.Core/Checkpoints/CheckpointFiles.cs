namespace LstmTerminal.Core.Checkpoints;

/// <summary>The file names inside a checkpoint folder. The manifest is written last: it marks a complete folder.</summary>
internal static class CheckpointFiles
{
    public const string Weights = "model.bin";
    public const string Optimizer = "optimizer.bin";
    public const string CarriedState = "lstm-state.bin";
    public const string Vocabulary = "vocab.json";
    public const string Manifest = "checkpoint.json";
}
