using Microsoft.Extensions.Logging;

namespace LstmTerminal.Core;

/// <summary>
/// The sentence that sends a person to the log for the details of a failure, said only when a log is written: the
/// app runs without a logging provider when its log folder is unusable, and every logger is then off.
/// </summary>
public static class LogPointer
{
    /// <returns>" Details are in the log file." when <paramref name="logger"/> records errors, else nothing.</returns>
    public static string Details(ILogger? logger) =>
        logger?.IsEnabled(LogLevel.Error) == true ? " Details are in the log file." : string.Empty;
}
