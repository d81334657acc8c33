using System.Text.Json;
using LstmTerminal.Tests.Commands;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Faults;

public sealed class PluginFolderConfinementTests
{
    [Fact]
    public async Task Plugins_LoadOnlyFromTheConfiguredFolder_NeverFromTheWorkingDirectory()
    {
        // Given a working directory with a plugins/ folder of its own
        using var workspace = new TinyWorkspace();
        var planted = Path.Combine(workspace.Root, "plugins", "LstmTerminal.Samplers");
        Directory.CreateDirectory(planted);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "plugins", "LstmTerminal.Samplers")))
        {
            File.Copy(file, Path.Combine(planted, Path.GetFileName(file)));
        }

        // When the app lists its plugins from there (with an empty user plugins folder)
        var (exitCode, output, _) = await AppProcess.RunAsync(
            ["plugins", "--json"], environment: [("XDG_DATA_HOME", Path.Combine(workspace.Root, "data"))], workingDirectory: workspace.Root);

        // Then every plugin comes from the app's own folder
        Assert.Equal(0, exitCode);
        var paths = JsonDocument.Parse(output).RootElement.GetProperty("plugins").EnumerateArray().Select(p => p.GetProperty("path").GetString()!).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.StartsWith(AppContext.BaseDirectory, path + Path.DirectorySeparatorChar));
    }
}
