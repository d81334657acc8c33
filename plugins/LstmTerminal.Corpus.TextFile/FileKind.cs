using Mono.Unix;

namespace LstmTerminal.Corpus.TextFile;

/// <summary>
/// What a path names, following symbolic links. .NET calls a named pipe, a device or a socket a file, yet opening a
/// pipe waits for a writer and a device such as <c>/dev/zero</c> never ends: only regular files can be read to an end.
/// </summary>
internal static class FileKind
{
    /// <returns>Null for a regular file (and on Windows, where a path names no such things); else what it is, in words.</returns>
    public static string? SpecialKindOf(string path)
    {
        var info = OperatingSystem.IsWindows() ? null : new UnixFileInfo(path);
        if (info is not { Exists: true })
        {
            // A dangling link or a path that cannot be looked up: opening it will say why, in the file system's words.
            return null;
        }

        return info.FileType switch
        {
            FileTypes.RegularFile => null,
            FileTypes.Fifo => "a named pipe (FIFO)",
            FileTypes.CharacterDevice or FileTypes.BlockDevice => "a device",
            FileTypes.Socket => "a socket",
            _ => "not a regular file",
        };
    }
}
