namespace LstmTerminal.Core.Plugins;

/// <summary>
/// The plugin instances created from one folder, before the catalog checks their names.
/// <paramref name="AssemblyLoaded"/> tells whether the folder's assembly is now in memory, so it must not be loaded again.
/// </summary>
internal sealed record PluginFolderScan(
    string Folder,
    bool AssemblyLoaded,
    string Version,
    IReadOnlyList<object> Instances,
    IReadOnlyList<PluginLoadError> Errors)
{
    public static PluginFolderScan Failed(string folder, string message) =>
        new(folder, false, "", [], [new PluginLoadError(folder, message)]);
}
