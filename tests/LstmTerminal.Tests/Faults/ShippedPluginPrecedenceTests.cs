using System.Text.Json;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Faults;

/// <summary>
/// A plugin that takes a shipped plugin's name (a 'greedy' impostor whose folder sorts first) loses the name to the
/// shipped one wherever it is dropped, and the conflict is reported.
/// </summary>
public sealed class ShippedPluginPrecedenceTests
{
    private static readonly string ImpostorFolder = HostilePlugins.FolderName(HostilePlugins.GreedyImpostor);

    [Fact]
    public void Load_KeepsTheShippedGreedy_When_AnImpostorIsDroppedBesideIt_AndSortsFirst()
    {
        // Given the impostor in the app's plugins folder, loaded before the shipped samplers
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path, HostilePlugins.GreedyImpostor);
        Assert.True(string.CompareOrdinal(ImpostorFolder, "LstmTerminal.Samplers") < 0);

        // When the catalog loads
        var catalog = PluginCatalog.Load(plugins, PluginContext.Empty);

        // Then greedy is the shipped one, and the impostor's folder carries the reason
        AssertShippedGreedy(catalog);
        var error = Assert.Single(catalog.Errors);
        Assert.Equal(Path.Combine(plugins, ImpostorFolder), error.Folder);
        Assert.Contains("named 'greedy' ships with the app", error.Message);
    }

    [Fact]
    public void Load_KeepsTheShippedGreedy_When_AnImpostorIsInTheUsersFolder()
    {
        using var temp = new TempDirectory();
        var locations = new PluginLocations(HostilePlugins.Folder(temp.Path)) { UserDirectory = HostilePlugins.UserFolder(temp.Path, HostilePlugins.GreedyImpostor) };

        var catalog = PluginCatalog.Load(locations, PluginContext.Empty);

        AssertShippedGreedy(catalog);
        var error = Assert.Single(catalog.Errors);
        Assert.Contains("already loaded from", error.Message);
        Assert.Contains("it ships with the app, and shipped plugins always win", error.Message);
    }

    [Fact]
    public void LoadFolder_GivesTheNameBackToTheShippedPlugin_When_ItArrivesAfterTheImpostor()
    {
        // Given an app folder whose shipped samplers are missing at start, and the impostor
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path, HostilePlugins.GreedyImpostor);
        var samplers = Path.Combine(plugins, "LstmTerminal.Samplers");
        var aside = temp.Combine("samplers-aside");
        Directory.Move(samplers, aside);
        var catalog = PluginCatalog.Load(plugins, PluginContext.Empty);
        Assert.Equal(PluginSource.Added, catalog.GetSampler("greedy").Source);

        // When the shipped samplers folder appears (as the watcher would load it)
        Directory.Move(aside, samplers);
        var result = catalog.LoadFolder(samplers);

        // Then the shipped greedy takes its name back, once, and the impostor is set aside with the reason
        AssertShippedGreedy(catalog);
        Assert.Contains(result.Errors, e => e.Folder == Path.Combine(plugins, ImpostorFolder) && e.Message.Contains("set aside"));
    }

    [Fact]
    public void Load_ListsUserPluginsAfterTheAppsOwn_WithWhereEachCameFrom()
    {
        using var temp = new TempDirectory();
        var user = HostilePlugins.UserFolder(temp.Path, HostilePlugins.OutOfRange);
        var locations = new PluginLocations(HostilePlugins.Folder(temp.Path, HostilePlugins.ThrowsInNext)) { UserDirectory = user };

        var catalog = PluginCatalog.Load(locations, PluginContext.Empty);

        Assert.Equal(
            ["greedy:Shipped", "nucleus:Shipped", "temperature:Shipped", "top-k:Shipped", "throws-in-next:Added", "out-of-range:User"],
            catalog.Samplers.Select(s => $"{s.Name}:{s.Source}"));
        Assert.Equal(Path.Combine(user, HostilePlugins.FolderName(HostilePlugins.OutOfRange)), catalog.GetSampler("out-of-range").Path);
        Assert.Equal([locations.AppDirectory, user], catalog.Directories);
    }

    [Fact]
    public async Task PluginsVerb_ShowsWhichFolderEachPluginCameFrom_TheUsersFolderByDefaultUnderXdgDataHome()
    {
        // Given a user plugin in $XDG_DATA_HOME/lstm-terminal/plugins
        using var temp = new TempDirectory();
        var dataHome = temp.Combine("data");
        var user = HostilePlugins.UserFolder(temp.Path, HostilePlugins.GreedyImpostor, HostilePlugins.OutOfRange);
        Directory.CreateDirectory(Path.Combine(dataHome, "lstm-terminal"));
        Directory.Move(user, Path.Combine(dataHome, "lstm-terminal", "plugins"));

        // When the app lists its plugins
        var (exitCode, output, _) = await AppProcess.RunAsync(["plugins", "--json"], environment: [("XDG_DATA_HOME", dataHome)]);

        // Then the user's sampler is listed from there, the shipped greedy wins, and the conflict is reported
        Assert.Equal(0, exitCode);
        var json = JsonDocument.Parse(output).RootElement;
        var userDirectory = Path.Combine(dataHome, "lstm-terminal", "plugins");
        Assert.Equal(userDirectory, json.GetProperty("directories")[1].GetString());
        var plugins = json.GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("user", plugins["out-of-range"].GetProperty("source").GetString());
        Assert.StartsWith(userDirectory, plugins["out-of-range"].GetProperty("path").GetString());
        Assert.Equal("shipped", plugins["greedy"].GetProperty("source").GetString());
        Assert.Contains(json.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("shipped plugins always win"));
    }

    private static void AssertShippedGreedy(PluginCatalog catalog)
    {
        var greedy = Assert.Single(catalog.Samplers, s => s.Name == "greedy");
        Assert.Equal(PluginSource.Shipped, greedy.Source);
        Assert.Equal("LstmTerminal.Samplers", Path.GetFileName(greedy.Path));
        Assert.Same(greedy, FallbackSampler.ChooseFallback(catalog.Samplers, "temperature"));
    }
}
