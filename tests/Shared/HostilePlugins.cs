using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Testing;

/// <summary>
/// The test plugins that misbehave on purpose. The build puts them in hostile-plugins/, away from plugins/, so a test
/// meets one only by asking: <see cref="Folder"/> makes a plugins folder of the shipped plugins plus the chosen ones.
/// </summary>
internal static class HostilePlugins
{
    public const string ThrowsInNext = "throws-in-next";
    public const string OutOfRange = "out-of-range";
    public const string Hangs = "hangs";
    public const string MemoryBomb = "memory-bomb";
    public const string ThrowingCorpus = "throwing-corpus";
    public const string WritesStdout = "writes-stdout";
    public const string ClearsForbidden = "clears-forbidden";
    public const string Blocking = "blocks-in-constructor";
    public const string GreedyImpostor = "greedy-impostor";
    public const string Exits = "exits";

    private static readonly Dictionary<string, string> Folders = new()
    {
        [ThrowsInNext] = "LstmTerminal.TestPlugins.ThrowingNextSampler",
        [OutOfRange] = "LstmTerminal.TestPlugins.OutOfRangeSampler",
        [Hangs] = "LstmTerminal.TestPlugins.HangingSampler",
        [MemoryBomb] = "LstmTerminal.TestPlugins.MemoryBombSampler",
        [ThrowingCorpus] = "LstmTerminal.TestPlugins.ThrowingCorpus",
        [WritesStdout] = "LstmTerminal.TestPlugins.StdoutWriter",
        [ClearsForbidden] = "LstmTerminal.TestPlugins.ForbiddenSetClearer",
        [Blocking] = "LstmTerminal.TestPlugins.BlockingPlugin",
        [GreedyImpostor] = "Aaa.GreedyImpostor",
        [Exits] = "LstmTerminal.TestPlugins.ExitingSampler",
    };

    /// <summary>
    /// Copies the shipped plugins with the build's list of them, and the named hostile ones beside them, into
    /// <c>plugins</c> under <paramref name="root"/>; returns that folder.
    /// </summary>
    public static string Folder(string root, params string[] names)
    {
        var target = Path.Combine(root, "plugins");
        foreach (var shipped in Directory.GetDirectories(BuiltPlugins.Shipped))
        {
            BuiltPlugins.Copy(shipped, Path.Combine(target, Path.GetFileName(shipped)));
        }

        File.Copy(Path.Combine(BuiltPlugins.Shipped, ShippedPluginList.FileName), Path.Combine(target, ShippedPluginList.FileName));
        return CopyHostile(target, names);
    }

    /// <summary>Copies the named hostile plugins, alone, into <c>user-plugins</c> under <paramref name="root"/>; returns that folder.</summary>
    public static string UserFolder(string root, params string[] names) => CopyHostile(Path.Combine(root, "user-plugins"), names);

    /// <summary>The folder the named plugin is copied to.</summary>
    public static string FolderName(string name) => Folders[name];

    private static string CopyHostile(string target, string[] names)
    {
        Directory.CreateDirectory(target);
        foreach (var name in names)
        {
            BuiltPlugins.Copy(Path.Combine(BuiltPlugins.Hostile, Folders[name]), Path.Combine(target, Folders[name]));
        }

        return target;
    }

    public static PluginCatalog Catalog(string root, params string[] names) => PluginCatalog.Load(Folder(root, names), PluginContext.Empty);
}
