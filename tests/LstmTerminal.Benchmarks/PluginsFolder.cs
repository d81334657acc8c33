namespace LstmTerminal.Benchmarks;

internal static class PluginsFolder
{
    /// <summary>The plugins folder the build copies next to this program.</summary>
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "plugins");
}
