namespace LstmTerminal.Core.Plugins;

/// <summary>
/// The plugin folders in one plugins folder. One the app cannot list (no permission, a file in its place, gone
/// meanwhile) is a plugin problem like a broken plugin: reported, and its plugins missing, never a crash.
/// </summary>
internal static class PluginDirectory
{
    /// <summary>The folders in <paramref name="directory"/>, in ordinal name order; none, with an error added, when it cannot be listed.</summary>
    public static IReadOnlyList<string> Folders(string directory, List<PluginLoadError> errors)
    {
        try
        {
            return [.. Directory.GetDirectories(directory).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new PluginLoadError(directory,
                $"The plugins folder {directory} cannot be read ({Reason(directory, e)}), so none of its plugins were loaded. " +
                "Make it a folder the app can read, or point the app at another one."));
            return [];
        }
    }

    // .NET's words for a file or a broken link in the folder's place are "Could not find a part of the path", which
    // misleads; and File.Exists holds for a link whatever it leads to.
    private static string Reason(string directory, Exception e)
    {
        var entry = new FileInfo(directory);
        if (entry.LinkTarget is { } target)
        {
            try
            {
                if (entry.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true } && !Directory.Exists(directory))
                {
                    return $"it is a symbolic link to {target}, which does not exist";
                }
            }
            catch (IOException)
            {
                return "it is a symbolic link that leads round in a loop";
            }
        }

        return File.Exists(directory) && !Directory.Exists(directory) ? "it is a file, not a folder"
            : e is UnauthorizedAccessException ? "permission denied"
            : e.Message;
    }
}
