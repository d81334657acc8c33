using System.Security.Cryptography;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// The data files of one save, as its manifest describes them. Every file is checked before anyone reads it: a regular
/// file (a FIFO would block the reader, a device never ends), of the size and SHA-256 the save recorded (format 2).
/// </summary>
public sealed class SavedFiles
{
    private readonly string _checkpointDirectory;
    private readonly CheckpointManifest _manifest;
    private readonly Dictionary<string, SealedFile> _entries;

    internal SavedFiles(string checkpointDirectory, CheckpointManifest manifest)
    {
        _checkpointDirectory = checkpointDirectory;
        _manifest = manifest;
        Directory = manifest.Data is { } data ? Path.Combine(checkpointDirectory, data.Folder) : checkpointDirectory;
        _entries = manifest.Data?.Files.ToDictionary(file => file.Name, StringComparer.Ordinal) ?? [];
    }

    /// <summary>Where the files are: the save's data folder, or the checkpoint folder itself for format 1.</summary>
    public string Directory { get; }

    /// <summary>The path of a file the save must have, once it has passed the checks.</summary>
    /// <exception cref="CheckpointException">It is missing, not a regular file, or not what the save wrote.</exception>
    public string Require(string name)
    {
        var path = Path.Combine(Directory, name);
        if (_manifest.Data is not null && !_entries.ContainsKey(name))
        {
            throw Incomplete($"{name} is not in the file list of its {CheckpointFiles.Manifest}");
        }

        if (!NativeFiles.IsRegularFile(path))
        {
            throw File.Exists(path) || System.IO.Directory.Exists(path)
                ? new CheckpointException($"{path} is not a regular file (a folder, FIFO, device or socket); a checkpoint holds plain files only.")
                : Incomplete($"{name} is missing");
        }

        if (_entries.TryGetValue(name, out var entry))
        {
            Verify(path, entry);
        }

        return path;
    }

    private static void Verify(string path, SealedFile entry)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            if (stream.Length != entry.Bytes)
            {
                throw new CheckpointException($"{path} is {stream.Length} bytes where the save wrote {entry.Bytes} (truncated or replaced).");
            }

            if (Convert.ToHexStringLower(SHA256.HashData(stream)) != entry.Sha256)
            {
                throw new CheckpointException($"{path} does not match the SHA-256 its save recorded (damaged or altered).");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"Cannot read {path}: {e.Message}", e);
        }
    }

    private CheckpointException Incomplete(string what) => new($"The checkpoint in {_checkpointDirectory} is incomplete: {what}.");
}
