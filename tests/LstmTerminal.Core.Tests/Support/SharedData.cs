namespace LstmTerminal.Core.Tests.Support;

/// <summary><c>../shared/data</c> beside the repository, found from the test's output folder.</summary>
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
                    return File.Exists(path)
                        ? path
                        : throw new FileNotFoundException($"The test corpus {path} is missing; put tinyshakespeare.txt in ../shared/data beside the repository.", path);
                }
            }

            throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains LstmTerminal.sln.");
        }
    }
}
