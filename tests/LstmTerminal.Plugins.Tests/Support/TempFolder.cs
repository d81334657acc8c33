namespace LstmTerminal.Plugins.Tests.Support;

/// <summary>A fresh folder per test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("lstm-plugins-tests-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Copies a built plugin folder here as <paramref name="targetName"/>, renaming its dll to match the folder.</summary>
    public string CopyPlugin(string pluginName, string? targetName = null)
    {
        var target = Combine(targetName ?? pluginName);
        var source = TestPaths.PluginFolder(pluginName);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        if (targetName is not null)
        {
            File.Move(System.IO.Path.Combine(target, pluginName + ".dll"), System.IO.Path.Combine(target, targetName + ".dll"));
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A loaded plugin may still hold a file open; the OS temp cleaner gets it later.
        }
    }
}
