using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Core.Tests.Plugins;

public sealed class PluginFolderWatcherTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void FolderLoaded_AnnouncesAPluginFolderCopiedIn_WhenTheCopyIsComplete()
    {
        // Given a watched, empty plugins folder
        using var temp = new TempDirectory();
        var plugins = temp.Combine("plugins");
        Directory.CreateDirectory(plugins);
        var catalog = PluginCatalog.Load(plugins, PluginContext.Empty);
        using var watcher = new PluginFolderWatcher(catalog, plugins, Quiet);
        var loaded = new List<PluginFolderResult>();
        watcher.FolderLoaded += result => { lock (loaded) { loaded.Add(result); } };

        // When the built samplers folder is copied in
        BuiltPlugins.Copy(Path.Combine(BuiltPlugins.Shipped, "LstmTerminal.Samplers"), Path.Combine(plugins, "LstmTerminal.Samplers"));

        // Then its samplers join the catalog, announced once
        Eventually.True(() => catalog.Samplers.Any(s => s.Name == "greedy"), "the samplers to load", timeoutSeconds: 10);
        Eventually.True(() => { lock (loaded) { return loaded.Count == 1; } }, "the announcement", timeoutSeconds: 5);
        Assert.Contains(loaded[0].Samplers, s => s.Name == "temperature");
        Assert.Empty(catalog.Errors);
    }

    [Fact]
    public void Watcher_LoadsAFolderCopiedIntoTheUsersFolder_AsTheUsers()
    {
        // Given the app's plugins and an empty, watched user plugins folder
        using var temp = new TempDirectory();
        var user = temp.Combine("user-plugins");
        var catalog = PluginCatalog.Load(new PluginLocations(HostilePlugins.Folder(temp.Path)) { UserDirectory = user }, PluginContext.Empty);
        using var watcher = new PluginFolderWatcher(catalog, catalog.Directories[1], Quiet);

        // When a sampler plugin is copied in
        HostilePlugins.UserFolder(temp.Path, HostilePlugins.OutOfRange);

        // Then it joins the catalog from there
        Eventually.True(() => catalog.Samplers.Any(s => s.Name == HostilePlugins.OutOfRange), "the user's sampler to load", timeoutSeconds: 10);
        var loaded = catalog.GetSampler(HostilePlugins.OutOfRange);
        Assert.Equal(PluginSource.User, loaded.Source);
        Assert.Equal(user, Path.GetDirectoryName(loaded.Path));
    }

    [Fact]
    public void Watcher_LeavesAFolderAlone_WhenItsAssemblyIsMissing()
    {
        // Given a watched, empty plugins folder
        using var temp = new TempDirectory();
        var plugins = temp.Combine("plugins");
        Directory.CreateDirectory(plugins);
        var catalog = PluginCatalog.Load(plugins, PluginContext.Empty);
        using var watcher = new PluginFolderWatcher(catalog, plugins, Quiet);

        // When a folder arrives without its assembly
        Directory.CreateDirectory(Path.Combine(plugins, "Half.Copied"));
        File.WriteAllText(Path.Combine(plugins, "Half.Copied", "readme.txt"), "the dll is still on its way");

        // Then nothing is loaded, and nothing is reported as broken
        Assert.False(SpinWait.SpinUntil(() => catalog.Errors.Count > 0 || catalog.Samplers.Count > 0, Quiet * 4));
    }
}
