namespace LstmTerminal.Core.Plugins;

/// <summary>Where the catalog looks for plugin folders, and how long creating one plugin may take.</summary>
/// <param name="AppDirectory">The app's plugins folder: the shipped plugins and any added beside them; scanned first.</param>
public sealed record PluginLocations(string AppDirectory)
{
    public static readonly TimeSpan DefaultLoadTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The user's plugins folder, scanned after the app's; it need not exist. Null for none.</summary>
    public string? UserDirectory { get; init; }

    /// <summary>How long a plugin's constructor (with its module initializer) and its Name and Description may take.</summary>
    public TimeSpan LoadTimeout { get; init; } = DefaultLoadTimeout;
}
