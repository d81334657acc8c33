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

    /// <summary>The folder names listed in <paramref name="appPluginsDirectory"/>; none when the list is missing or unreadable.</summary>
    public static IReadOnlySet<string> Read(string appPluginsDirectory)
    {
        try
        {
            return File.ReadAllLines(Path.Combine(appPluginsDirectory, FileName))
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
