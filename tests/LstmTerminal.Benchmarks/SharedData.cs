namespace LstmTerminal.Benchmarks;

/// <summary>Finds <c>../shared/data/tinyshakespeare.txt</c> beside the repository, from wherever the benchmark runs.</summary>
internal static class SharedData
{
    public static string TinyShakespeare
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LstmTerminal.sln")))
                {
                    var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "tinyshakespeare.txt"));
                    return File.Exists(path) ? path : throw new FileNotFoundException($"The benchmark corpus {path} is missing.", path);
                }
            }

            throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains LstmTerminal.sln.");
        }
    }

    /// <summary>The plugins folder the build copies next to this program.</summary>
    public static string PluginsFolder => Path.Combine(AppContext.BaseDirectory, "plugins");
}
