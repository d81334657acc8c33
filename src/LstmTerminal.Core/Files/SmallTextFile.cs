using System.Text;
using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Core.Files;

/// <summary>
/// Reads a small file the app keeps beside a checkpoint. Only a regular file is read: a FIFO or device in its place
/// would block the reader (the UI at start-up) or never end, and a huge file would fill memory.
/// </summary>
public static class SmallTextFile
{
    /// <summary>The file's text, or null when there is no file.</summary>
    /// <exception cref="IOException">Something other than a regular file is there, it is larger than <paramref name="maxBytes"/>, or it cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static string? Read(string path, long maxBytes)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return null;
        }

        if (!NativeFiles.IsRegularFile(path))
        {
            throw new IOException($"{path} is not a regular file (a folder, FIFO, device or socket); it was left as it is.");
        }

        return new FileInfo(path).Length > maxBytes
            ? throw new IOException($"{path} is larger than {maxBytes / (1024 * 1024)} MB, more than this file can be; it was left as it is.")
            : File.ReadAllText(path, Encoding.UTF8);
    }
}
