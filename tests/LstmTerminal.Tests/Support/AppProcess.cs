using System.Diagnostics;

namespace LstmTerminal.Tests.Support;

/// <summary>
/// The built app as a child process (<c>dotnet lstm-terminal.dll ARGS</c>), for what an in-process run cannot show:
/// process memory, mapped libraries, runtime settings, another user. Both pipes are read at once so the child never
/// blocks on a full one; a child that outlives the timeout is killed.
/// </summary>
internal static class AppProcess
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <param name="launcher">Runs <c>dotnet</c> through this command and its arguments, e.g. <c>setpriv --reuid=…</c>.</param>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IEnumerable<string> args,
        IEnumerable<(string Name, string Value)>? environment = null,
        string? workingDirectory = null,
        IReadOnlyList<string>? launcher = null,
        TimeSpan? timeLimit = null)
    {
        IEnumerable<string> command = ["dotnet", Path.Combine(AppContext.BaseDirectory, "lstm-terminal.dll"), .. args];
        if (launcher is not null)
        {
            command = launcher.Concat(command);
        }

        var start = new ProcessStartInfo(command.First()) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(timeLimit ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
