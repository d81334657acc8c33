namespace LstmTerminal.Hosting;

/// <summary>
/// The process can end without the app asking: a plugin runs in it with its rights and may call
/// <c>Environment.Exit</c> (with 0, too), start a thread that throws, or a signal may arrive. Whatever path it takes
/// past the runtime's exit events, what was registered with <see cref="OnUnexpectedExit"/> (the terminal under the UI)
/// is put back first; then one line on stderr says the run did not finish, and an exit code of 0 becomes 1: .NET 10
/// takes <c>Environment.ExitCode</c> set in a <c>ProcessExit</c> handler as the exit code, even after <c>Exit(0)</c>.
/// </summary>
internal static class AppExit
{
    private static readonly Lock Gate = new();
    private static readonly List<Action> Restores = [];
    private static TextWriter _error = TextWriter.Null;
    private static bool _finished;

    /// <summary>From now on, an exit before <see cref="Finish"/> is reported on <paramref name="error"/>.</summary>
    public static void Watch(TextWriter error)
    {
        _error = error;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Ended("the process is ending (a plugin called Environment.Exit, or a signal arrived)");
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
            Ended($"an exception escaped a thread ({(e.ExceptionObject as Exception)?.GetType().Name ?? "unknown"}; a plugin's own thread?) and ends the process");
    }

    /// <summary>The app is done and returns its own exit code: the exit that follows is the one it asked for.</summary>
    public static void Finish()
    {
        lock (Gate)
        {
            _finished = true;
        }
    }

    /// <summary>Runs <paramref name="restore"/> if the process ends unasked while the returned registration is not disposed.</summary>
    public static IDisposable OnUnexpectedExit(Action restore)
    {
        lock (Gate)
        {
            Restores.Add(restore);
        }

        return new Registration(restore);
    }

    private static void Ended(string how)
    {
        Action[] restores;
        lock (Gate)
        {
            if (_finished)
            {
                return;
            }

            // Both events can come for one exit; the first says it.
            _finished = true;
            restores = [.. Restores];
        }

        foreach (var restore in restores)
        {
            try
            {
                restore();
            }
            catch (Exception)
            {
                // The process is ending: one failed restore must not keep the others or the message from running.
            }
        }

        _error.WriteLine($"error: lstm-terminal did not finish: {how}; its work is incomplete and nothing more will be written.");
        if (Environment.ExitCode == 0)
        {
            Environment.ExitCode = 1;
        }
    }

    private sealed class Registration(Action restore) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                Restores.Remove(restore);
            }
        }
    }
}
