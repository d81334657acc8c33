using System.Runtime.Versioning;
using System.Text.Json;
using LstmTerminal.Tests.Commands;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Faults;

/// <summary>
/// A user plugins folder the user may not list. Root lists everything, so the app runs as the unprivileged user
/// <c>nobody</c> (through <c>setpriv</c>); elsewhere the test is skipped.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class UnreadablePluginsFolderTests
{
    [SkippableFact]
    public async Task Plugins_ReportsAnUnreadableUserPluginsFolder_AndListsTheShippedPlugins()
    {
        // Given a user plugins folder nobody may read (it ended the app as an unexpected failure)
        Skip.IfNot(Environment.UserName == "root" && File.Exists("/usr/bin/setpriv"), "needs root and setpriv to run the app as another user");
        using var workspace = new TinyWorkspace();
        var locked = Path.Combine(workspace.Root, "locked-plugins");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);

        // When the app lists its plugins as that user
        var (exitCode, output, error) = await ListPluginsAsNobody(workspace, locked);

        // Then the folder is reported by its path as a plugin problem, and the shipped plugins are there
        Assert.True(exitCode == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Contains("greedy", json.GetProperty("plugins").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var problem = Assert.Single(json.GetProperty("errors").EnumerateArray(), e => e.GetProperty("folder").GetString() == locked);
        Assert.StartsWith($"The plugins folder {locked} cannot be read (permission denied)", problem.GetProperty("message").GetString());
    }

    [SkippableFact]
    public async Task Plugins_ReportsAnUnreadablePluginFolder_AsUnreadable_NotAsMissingItsAssembly()
    {
        // Given a readable user plugins folder with one plugin folder nobody may read (it was reported as "No X.dll")
        Skip.IfNot(Environment.UserName == "root" && File.Exists("/usr/bin/setpriv"), "needs root and setpriv to run the app as another user");
        using var workspace = new TinyWorkspace();
        var plugins = Path.Combine(workspace.Root, "user-plugins");
        var locked = Path.Combine(plugins, "Locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);

        // When the app lists its plugins as that user
        var (exitCode, output, error) = await ListPluginsAsNobody(workspace, plugins);

        // Then that folder is reported as unreadable by its path
        Assert.True(exitCode == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        var problem = Assert.Single(json.GetProperty("errors").EnumerateArray(), e => e.GetProperty("folder").GetString() == locked);
        Assert.StartsWith($"The plugin folder {locked} cannot be read (permission denied)", problem.GetProperty("message").GetString());
    }

    /// <summary>Runs <c>plugins --json</c> as the user nobody, with a log folder that user may write.</summary>
    private static Task<(int ExitCode, string Output, string Error)> ListPluginsAsNobody(TinyWorkspace workspace, string userPlugins)
    {
        var writable = Path.Combine(workspace.Root, "writable");
        Directory.CreateDirectory(writable);
        File.SetUnixFileMode(writable, (UnixFileMode)0b111_111_111);
        return AppProcess.RunAsync(
            ["plugins", "--json", $"--Plugins:UserDirectory={userPlugins}", $"--Logging:Directory={Path.Combine(writable, "logs")}"],
            [("HOME", "/tmp")],
            workingDirectory: "/tmp",
            launcher: ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]);
    }
}
