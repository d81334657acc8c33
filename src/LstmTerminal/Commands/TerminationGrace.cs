namespace LstmTerminal.Commands;

/// <summary>How long Ctrl+C or SIGTERM waits for the verb to stop and save before the process ends without it.</summary>
/// <remarks>
/// Measured here (2 cores, 23 GB): a 1.9 GB checkpoint (4 layers of 2048) took 14 s to write after its 20 s step. The
/// largest model the memory check admits on this machine is about 8 times larger: roughly 3 minutes of step and 2 of
/// save. Ten minutes leaves twice that; the wait ends as soon as the save does. System.CommandLine's default is 2 s.
/// </remarks>
public static class TerminationGrace
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
}
