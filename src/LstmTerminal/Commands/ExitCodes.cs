namespace LstmTerminal.Commands;

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>Stopped by Ctrl+C or SIGTERM (and, for <c>train</c>, its checkpoint saved): 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
