namespace LstmTerminal.Core.Plugins;

/// <summary>
/// The plugins created from one folder, before the catalog checks their names against those already loaded.
/// <paramref name="AssemblyLoaded"/> tells whether the folder's assembly is now in memory, so it must not be loaded again.
/// </summary>
internal sealed record PluginFolderScan(
    string Folder,
    bool AssemblyLoaded,
    string Version,
    IReadOnlyList<CreatedPlugin> Plugins,
    IReadOnlyList<PluginLoadError> Errors)
{
    public static PluginFolderScan Failed(string folder, string message) =>
        new(folder, false, "", [], [new PluginLoadError(folder, message)]);
}
