namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// A checkpoint cannot be read or written. The message says what is wrong, in plain words; <see cref="Problem"/>
/// tells the app which advice (a flag, a key) to add to it.
/// </summary>
public sealed class CheckpointException : Exception
{
    public CheckpointException(string message, CheckpointProblem problem = CheckpointProblem.Other)
        : base(message)
    {
        Problem = problem;
    }

    public CheckpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CheckpointProblem Problem { get; }

    /// <summary>For <see cref="CheckpointProblem.CorpusTooShort"/>: the corpus the checkpoint was trained on, as it recorded it.</summary>
    public string? TrainedOn { get; init; }
}

/// <summary>What went wrong with a checkpoint, where the app has advice to give beyond the message.</summary>
public enum CheckpointProblem
{
    /// <summary>The message says it all.</summary>
    Other,

    /// <summary>The checkpoint folder's path is a file, or lies below one.</summary>
    FolderIsAFile,

    /// <summary>The folder holds no checkpoint.</summary>
    Missing,

    /// <summary>The checkpoint stopped further into an epoch than this corpus's epochs go: it was trained on another.</summary>
    CorpusTooShort,

    /// <summary>The tokenizer plugin the checkpoint was trained with is not loaded.</summary>
    TokenizerMissing,
}
