using Microsoft.Extensions.Logging;

namespace LstmTerminal.Core;

/// <summary>
/// The sentence that sends a person to the log for the details of a failure, said only when a log is written: the
/// app runs without a logging provider when its log folder is unusable, and every logger is then off.
/// </summary>
public static class LogPointer
{
    /// <summary>Whether <paramref name="logger"/> records errors, so a failure's details can be found in the log.</summary>
    public static bool IsWritten(ILogger? logger) => logger?.IsEnabled(LogLevel.Error) == true;

    /// <returns>" Details are in the log file." when <paramref name="logger"/> records errors, else nothing.</returns>
    public static string Details(ILogger? logger) => Details(IsWritten(logger));

    /// <returns>" Details are in the log file." when <paramref name="written"/>, else nothing.</returns>
    public static string Details(bool written) => written ? " Details are in the log file." : string.Empty;
}
