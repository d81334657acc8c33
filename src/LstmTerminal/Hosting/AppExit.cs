namespace LstmTerminal.Hosting;

/// <summary>
/// The process can end without the app asking: a plugin runs in it with its rights and may call
/// <c>Environment.Exit</c> (with 0, too), or a signal may arrive. Then, in the runtime's <c>ProcessExit</c> event,
/// what was registered with <see cref="OnUnexpectedExit"/> (the terminal under the UI) is put back first; one line on
/// stderr says the run did not finish, and an exit code of 0 becomes 1: .NET 10 takes <c>Environment.ExitCode</c> set
/// in a <c>ProcessExit</c> handler as the process' exit code, even after <c>Environment.Exit(0)</c>.
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
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Ended();
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

    private static void Ended()
    {
        Action[] restores;
        lock (Gate)
        {
            if (_finished)
            {
                return;
            }

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

        _error.WriteLine("error: lstm-terminal did not finish: the process is ending (a plugin called Environment.Exit, or a signal " +
                         "arrived); its work is incomplete and nothing more will be written.");
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
