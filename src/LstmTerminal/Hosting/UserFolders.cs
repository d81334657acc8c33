namespace LstmTerminal.Hosting;

/// <summary>
/// Where the app keeps its own files outside the folder a user stands in: the XDG base directories on Linux (a
/// variable that is unset, empty or relative is ignored, as the specification asks), the local application data
/// folder elsewhere. Each is <c>&lt;base&gt;/lstm-terminal</c>.
/// </summary>
public static class UserFolders
{
    public const string AppFolderName = "lstm-terminal";

    /// <summary>Logs and other state worth keeping across runs but not worth backing up.</summary>
    public static string State => Resolve("XDG_STATE_HOME", ".local/state", Environment.GetEnvironmentVariable);

    /// <summary>Downloads that can be fetched again.</summary>
    public static string Cache => Resolve("XDG_CACHE_HOME", ".cache", Environment.GetEnvironmentVariable);

    /// <summary>Files the user adds, such as plugins.</summary>
    public static string Data => Resolve("XDG_DATA_HOME", ".local/share", Environment.GetEnvironmentVariable);

    /// <param name="environment">Reads an environment variable; tests pass their own instead of changing the process'.</param>
    internal static string Resolve(string variable, string homeRelative, Func<string, string?> environment)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsFreeBSD())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), AppFolderName);
        }

        var configured = environment(variable);
        if (!string.IsNullOrEmpty(configured) && Path.IsPathRooted(configured))
        {
            return Path.Combine(configured, AppFolderName);
        }

        // $HOME as it is, also when it does not exist yet: .NET's verified lookup answers "" then, and the shared,
        // world-writable temp folder would become the plugin folder. Temp stays only for a user without any home.
        var home = environment("HOME") is { Length: > 0 } set && Path.IsPathRooted(set)
            ? set
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(home) ? Path.GetTempPath() : home, homeRelative, AppFolderName);
    }
}
