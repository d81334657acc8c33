using Microsoft.Extensions.Logging;

namespace LstmTerminal.Hosting;

/// <summary>
/// Standard output and error belong to the app: stdout carries <c>--json</c> output, and under the terminal UI both
/// reach the screen. Plugins run in the app's process and may write to <c>Console.Out</c> or <c>Console.Error</c>,
/// even from a module initializer, so once the app claims the two streams, what anyone writes through
/// <see cref="Console"/> goes to the log file instead (<see cref="CapturedConsoleWriter"/>). Writes to the file
/// descriptors themselves (<c>Console.OpenStandardOutput</c>, P/Invoke) are beyond this.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly CapturedConsoleWriter Output = new("standard output");
    private static readonly CapturedConsoleWriter Error = new("standard error");
    private static int _claimed;

    /// <summary>Points <c>Console.Out</c> and <c>Console.Error</c> at the log; returns the real streams, for the app alone.</summary>
    public static (TextWriter Output, TextWriter Error) Claim()
    {
        var real = (Console.Out, Console.Error);
        Console.SetOut(Output);
        Console.SetError(Error);
        Interlocked.Exchange(ref _claimed, 1);
        return real;
    }

    /// <summary>Logs what was captured so far, and from now on, to <paramref name="log"/> until disposed; nothing when not claimed.</summary>
    public static IDisposable LogTo(ILogger log)
    {
        if (Volatile.Read(ref _claimed) == 0)
        {
            return NoCapture.Instance;
        }

        Output.Attach(log);
        Error.Attach(log);
        return new Attached();
    }

    private sealed class Attached : IDisposable
    {
        public void Dispose()
        {
            // A last line without its line break is logged too.
            Output.Flush();
            Error.Flush();
            Output.Attach(null);
            Error.Attach(null);
        }
    }

    private sealed class NoCapture : IDisposable
    {
        public static readonly NoCapture Instance = new();

        public void Dispose()
        {
        }
    }
}
