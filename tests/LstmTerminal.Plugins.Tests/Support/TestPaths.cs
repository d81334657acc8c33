namespace LstmTerminal.Plugins.Tests.Support;

/// <summary>Where the tests find the built plugins.</summary>
internal static class TestPaths
{
    public static string PluginsFolder => Path.Combine(AppContext.BaseDirectory, "plugins");

    public static string PluginFolder(string name) => Path.Combine(PluginsFolder, name);
}
