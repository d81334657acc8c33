using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Session;

public sealed class PluginFolderWatcherTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void A_plugin_folder_copied_in_while_running_is_loaded_once_complete()
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
        Copy(Path.Combine(ShippedPlugins.Folder, "LstmTerminal.Samplers"), Path.Combine(plugins, "LstmTerminal.Samplers"));

        // Then its samplers join the catalog, announced once
        Eventually.True(() => catalog.Samplers.Any(s => s.Name == "greedy"), "the samplers to load", timeoutSeconds: 10);
        Eventually.True(() => { lock (loaded) { return loaded.Count == 1; } }, "the announcement", timeoutSeconds: 5);
        Assert.Contains(loaded[0].Samplers, s => s.Name == "temperature");
        Assert.Empty(catalog.Errors);
    }

    [Fact]
    public void A_plugin_folder_copied_into_the_users_folder_is_loaded_as_the_users()
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
    public void A_folder_without_its_assembly_is_not_loaded()
    {
        using var temp = new TempDirectory();
        var plugins = temp.Combine("plugins");
        Directory.CreateDirectory(plugins);
        var catalog = PluginCatalog.Load(plugins, PluginContext.Empty);
        using var watcher = new PluginFolderWatcher(catalog, plugins, Quiet);

        Directory.CreateDirectory(Path.Combine(plugins, "Half.Copied"));
        File.WriteAllText(Path.Combine(plugins, "Half.Copied", "readme.txt"), "the dll is still on its way");

        Assert.False(SpinWait.SpinUntil(() => catalog.Errors.Count > 0 || catalog.Samplers.Count > 0, Quiet * 4));
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
