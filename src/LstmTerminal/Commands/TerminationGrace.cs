namespace LstmTerminal.Commands;

/// <summary>How long Ctrl+C or SIGTERM waits for the verb to stop and save before the process ends without it.</summary>
public static class TerminationGrace
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
}
