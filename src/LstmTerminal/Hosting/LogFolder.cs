namespace LstmTerminal.Hosting;

/// <summary>
/// The folder for the log files, checked once at start-up. Serilog's file sink swallows every failure to write, so
/// without this check a folder that cannot be created or written would leave the app silent about it, and its
/// messages pointing at a log that does not exist.
/// </summary>
public sealed class LogFolder
{
    public const string Key = "Logging:Directory";

    // Never the folder the user stands in: the user's state folder unless the setting names another.
    private static string DefaultDirectory => System.IO.Path.Combine(UserFolders.State, "logs");

    private LogFolder(string path, string? problem)
    {
        Path = path;
        Problem = problem;
    }

    public string Path { get; }

    /// <summary>Why nothing is logged, in one line naming the folder and the setting; null when logs are written.</summary>
    public string? Problem { get; }

    /// <summary>
    /// The configured folder (empty or blank counts as unset, as for an environment variable) after making sure a
    /// file can be created in it.
    /// </summary>
    public static LogFolder Open(string? configured)
    {
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultDirectory : configured;
        try
        {
            path = System.IO.Path.GetFullPath(path);
            Directory.CreateDirectory(path);
            // An existing folder can still be read-only, or its disk full; only a file shows that logs can be written.
            using (File.Create(System.IO.Path.Combine(path, $".write-test-{Guid.NewGuid():N}"), 1, FileOptions.DeleteOnClose))
            {
            }

            return new LogFolder(path, problem: null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new LogFolder(path, $"No log file: the log folder {path} ({Key}) cannot be written: {e.Message}");
        }
    }
}
