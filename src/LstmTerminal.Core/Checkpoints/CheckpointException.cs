namespace LstmTerminal.Core.Checkpoints;

/// <summary>A checkpoint cannot be read or written; the message says why and what to do.</summary>
public sealed class CheckpointException : Exception
{
    public CheckpointException(string message)
        : base(message)
    {
    }

    public CheckpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
