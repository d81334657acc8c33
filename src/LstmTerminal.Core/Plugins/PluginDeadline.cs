using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;

namespace LstmTerminal.Core.Plugins;

/// <summary>
/// Runs plugin code on a background thread of its own and stops waiting for it at a deadline. .NET cannot stop a
/// thread, so one that misses the deadline is abandoned; being a background thread, it does not keep the app alive.
/// </summary>
internal static class PluginDeadline
{
    /// <returns>False when <paramref name="work"/> did not return within <paramref name="timeout"/>.</returns>
    /// <exception cref="Exception">What <paramref name="work"/> threw, when it threw in time.</exception>
    public static bool TryRun<T>(Func<T> work, TimeSpan timeout, string threadName, [MaybeNullWhen(false)] out T result)
    {
        var value = default(T);
        ExceptionDispatchInfo? failure = null;
        var worker = new Thread(() =>
        {
            // Caught here, not left to the runtime: an exception escaping a thread ends the process.
            try
            {
                value = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = threadName,
        };
        worker.Start();
        if (!worker.Join(timeout))
        {
            result = default;
            return false;
        }

        failure?.Throw();
        result = value!;
        return true;
    }
}
