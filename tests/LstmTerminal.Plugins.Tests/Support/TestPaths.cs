namespace LstmTerminal.Plugins.Tests.Support;

/// <summary>Where the tests find the built plugins and the shared sample text.</summary>
internal static class TestPaths
{
    public static string PluginsFolder => Path.Combine(AppContext.BaseDirectory, "plugins");

    public static string PluginFolder(string name) => Path.Combine(PluginsFolder, name);

    public static string TinyShakespeare
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "tinyshakespeare.txt"));
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The test corpus {path} is missing; put tinyshakespeare.txt there (../shared/data next to the repository).", path);
        }
    }

    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LstmTerminal.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains LstmTerminal.sln.");
        }
    }
}
