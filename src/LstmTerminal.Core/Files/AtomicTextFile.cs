using System.Text;
using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Core.Files;

/// <summary>
/// Writes a small text file whole or not at all: into a temporary beside it (<c>.NAME.ID.tmp</c>), flushed to disk,
/// then renamed over the name, so a kill leaves the old file or the new one, never half of one.
/// </summary>
public static class AtomicTextFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, replacing it unless <paramref name="overwrite"/> is false.</summary>
    /// <exception cref="IOException">The folder cannot be written, or the file exists and <paramref name="overwrite"/> is false.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file is not writable.</exception>
    public static void Write(string path, string text, bool overwrite = true)
    {
        var full = Path.GetFullPath(path);
        if ((File.Exists(full) || Directory.Exists(full)) && !NativeFiles.IsRegularFile(full))
        {
            // Renaming over a device or FIFO would replace it; over a folder it fails anyway, with a worse message.
            throw new IOException($"{full} is not a regular file (a folder, FIFO, device or socket); it was left as it is.");
        }

        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            // rename(2) replaces atomically; without overwrite an existing file makes it throw.
            File.Move(temporary, full, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
