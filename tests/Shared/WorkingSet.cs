using System.Diagnostics;

namespace LstmTerminal.Testing;

internal static class WorkingSet
{
    /// <summary>The process working set in MB after a full collection, so managed garbage does not count.</summary>
    public static double Megabytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024.0 * 1024.0);
    }
}
