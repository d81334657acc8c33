namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// The one writer of an <see cref="AtomicFolder"/>: its lock file opened with <see cref="FileShare.None"/>, which .NET
/// implements with flock on Linux, so the kernel releases it when the process dies, even by SIGKILL. The file stays
/// behind (deleting it would let two processes lock two different files of one name).
/// </summary>
public sealed class FolderLock : IDisposable
{
    /// <summary>
    /// How .NET reports a lock held elsewhere: on Unix the IOException's HResult is flock's errno, EWOULDBLOCK (11 on
    /// Linux, 35 on macOS); on Windows it is the sharing-violation HRESULT.
    /// </summary>
    private static readonly int[] HeldElsewhere = [11, 35, unchecked((int)0x80070020)];

    private readonly FileStream _file;
    private readonly Action _released;

    private FolderLock(FileStream file, Action released)
    {
        _file = file;
        _released = released;
    }

    /// <summary>Locks the folder, which must exist; returns null if another process or folder object holds it.</summary>
    /// <exception cref="CheckpointException">The lock file cannot be created or opened (read-only folder, not a file).</exception>
    internal static FolderLock? TryTake(string directory, string lockFile, Action released)
    {
        var path = Path.Combine(directory, lockFile);
        if ((File.Exists(path) && !NativeFiles.IsRegularFile(path)) || System.IO.Directory.Exists(path))
        {
            throw new CheckpointException($"{path} is not a regular file; remove it so that the checkpoint folder can be locked.");
        }

        try
        {
            return new FolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), released);
        }
        catch (IOException e) when (HeldElsewhere.Contains(e.HResult))
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"Cannot write to the checkpoint folder {directory}: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        _released();
    }
}
