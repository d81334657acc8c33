using LstmTerminal.Core.Files;

namespace LstmTerminal.Core.Plugins;

/// <summary>
/// The plugin folders that ship with the app, as the build lists them in <see cref="FileName"/> beside them
/// (<c>build/PluginHost.targets</c>). Only the app's own plugins folder is read for it, so a plugin dropped anywhere
/// cannot claim to be shipped by its folder's name or place in the order; whoever can rewrite the list can also
/// replace the shipped plugins themselves.
/// </summary>
public static class ShippedPluginList
{
    public const string FileName = "shipped-plugins.txt";

    // The build writes a line per shipped folder: a few hundred bytes.
    private const long MaxBytes = 1024 * 1024;

    /// <summary>
    /// The folder names listed in <paramref name="appPluginsDirectory"/>; none when the list is missing, unreadable or
    /// not a regular file (a FIFO would block the app's start).
    /// </summary>
    public static IReadOnlySet<string> Read(string appPluginsDirectory)
    {
        try
        {
            return (SmallTextFile.Read(Path.Combine(appPluginsDirectory, FileName), MaxBytes) ?? "")
                .Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.Length > 0)
                .ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new HashSet<string>();
        }
    }
}
