using System.Diagnostics;

namespace LstmTerminal.Testing;

/// <summary>Runs a system command (mount, chattr) for tests that stage file-system faults.</summary>
internal static class HostCommand
{
    public static bool TryRun(string command, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
