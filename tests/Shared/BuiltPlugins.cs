namespace LstmTerminal.Testing;

/// <summary>
/// Where the build put the plugins a test project lists as <c>PluginProject</c> items: the shipped ones in
/// plugins/, the hostile test ones (<c>Folder="hostile-plugins"</c>) in hostile-plugins/.
/// </summary>
internal static class BuiltPlugins
{
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "plugins");

    public static string Hostile => Path.Combine(AppContext.BaseDirectory, "hostile-plugins");

    /// <summary>Copies a plugin folder, or any folder, file by file, as a person dropping it in would.</summary>
    public static void Copy(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
