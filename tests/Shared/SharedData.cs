namespace LstmTerminal.Testing;

/// <summary><c>../shared/data</c> beside the repository, found from any build output below it.</summary>
internal static class SharedData
{
    public static string TinyShakespeare
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "tinyshakespeare.txt"));
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The test corpus {path} is missing; put tinyshakespeare.txt in ../shared/data beside the repository.", path);
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
