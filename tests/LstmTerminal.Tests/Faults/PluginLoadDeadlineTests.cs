using System.Text.Json;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Faults;

/// <summary>A plugin whose constructor or Description never returns is given up at the load deadline; the app goes on.</summary>
public sealed class PluginLoadDeadlineTests
{
    // Generous against a hang, which a regression would be: the load itself takes two one-second deadlines.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Load_GivesUpOnPluginsThatBlock_AndLoadsTheOthers()
    {
        // Given the shipped plugins and two that block, one in its constructor and one in its Description
        using var temp = new TempDirectory();
        var locations = new PluginLocations(HostilePlugins.Folder(temp.Path, HostilePlugins.Blocking)) { LoadTimeout = TimeSpan.FromSeconds(1) };

        // When the catalog loads them
        var catalog = await Task.Run(() => PluginCatalog.Load(locations, PluginContext.Empty)).WaitAsync(Bound);

        // Then both are reported as load errors and every shipped sampler is there
        var messages = catalog.Errors.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("Creating LstmTerminal.TestPlugins.BlockingPlugin.BlockingConstructorSampler (its constructor, Name and Description) did not finish within 1 s", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Creating LstmTerminal.TestPlugins.BlockingPlugin.BlockingDescriptionSampler", StringComparison.Ordinal));
        Assert.Equal(["greedy", "nucleus", "temperature", "top-k"], catalog.Samplers.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PluginsVerb_ListsThePluginsAndTheBlockedOnes_InsteadOfHanging()
    {
        // Given a plugins folder with the blocking plugins
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path, HostilePlugins.Blocking);

        // When the app lists its plugins with a one-second load deadline
        var (exitCode, output, _) = await AppProcess.RunAsync(
            ["plugins", "--json", $"--Plugins:Directory={plugins}", $"--Plugins:UserDirectory={temp.Combine("none")}", "--Plugins:LoadTimeout=00:00:01"],
            timeLimit: Bound);

        // Then it finishes and names both blocked plugins
        Assert.Equal(0, exitCode);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Contains("greedy", json.GetProperty("plugins").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var errors = json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Equal(2, errors.Count(e => e.Contains("did not finish within 1 s", StringComparison.Ordinal)));
    }
}
