namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// The files of a checkpoint, committed together by an <see cref="AtomicFolder"/> with <see cref="Folder"/>'s names.
/// Format 1 kept the data files directly beside the manifest; they are still read.
/// </summary>
public static class CheckpointFiles
{
    /// <summary>The weights inference uses (the average, when training averages them).</summary>
    public const string Weights = "model.bin";

    /// <summary>The raw weights training continues from, when model.bin holds their average.</summary>
    public const string TrainingWeights = "training-weights.bin";
    public const string Optimizer = "optimizer.bin";
    public const string CarriedState = "lstm-state.bin";
    public const string Vocabulary = "vocab.json";
    public const string Manifest = "checkpoint.json";
    public const string Lock = "checkpoint.lock";

    /// <summary>Every data file a save may write; a manifest naming any other file is refused.</summary>
    public static readonly IReadOnlySet<string> DataFiles = new HashSet<string>(StringComparer.Ordinal)
    {
        Weights, TrainingWeights, Optimizer, CarriedState, Vocabulary,
    };

    /// <summary>The names a checkpoint folder's commits own: data folders are <c>step-{step}-{id}</c>.</summary>
    public static readonly FolderNames Folder = new(Manifest, Lock, "step-", DataFiles);
}
