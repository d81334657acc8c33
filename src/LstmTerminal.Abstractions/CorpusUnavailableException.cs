namespace LstmTerminal.Abstractions;

/// <summary>
/// Thrown by a corpus provider when the corpus cannot be loaded for a reason the user can fix
/// (missing file, no network, bad URL). The message is shown as is: say what went wrong and what to do.
/// </summary>
public sealed class CorpusUnavailableException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public CorpusUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a user-facing message and its cause.</summary>
    public CorpusUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
