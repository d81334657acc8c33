using System.Security.Cryptography;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// A folder of the user's into which the app commits sets of files atomically; it knows nothing of what the files
/// hold. The folder belongs to the user: this type creates, replaces and deletes only the names of
/// <see cref="FolderNames"/>, and never moves or deletes the folder itself (a symlinked folder, "." and "ck/" all
/// work). A commit writes its files, complete and flushed, into a data folder of their own, then renames a new
/// manifest over the old one: killed at any moment, it leaves the previous commit whole. After the commit it deletes
/// its own older data folders but keeps the previous one for readers still on it. One process writes at a time
/// (<see cref="Lock"/>); readers take no lock, and remove a killed writer's leftovers only when no writer holds the folder.
/// </summary>
public sealed class AtomicFolder
{
    private readonly FolderNames _names;
    private readonly Func<FolderCommit?> _readCommitted;
    private readonly FolderLeftovers _leftovers;
    private readonly Lock _gate = new();
    private FolderLock? _lock;

    /// <param name="readCommitted">What the manifest in force records of its files; null if there is none or it cannot be read.</param>
    public AtomicFolder(string directory, FolderNames names, Func<FolderCommit?> readCommitted)
    {
        // Trimmed so that "ck/" and "ck" are one folder, in messages as on disk.
        Directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        _names = names;
        _readCommitted = readCommitted;
        _leftovers = new FolderLeftovers(Directory, names);
    }

    public string Directory { get; }

    public string ManifestPath => Path.Combine(Directory, _names.Manifest);

    /// <summary>True when the folder holds a manifest: a commit happened there.</summary>
    public bool HasManifest => File.Exists(ManifestPath);

    /// <summary>
    /// Refuses, without creating anything, a path that cannot become the folder: a file, a symbolic link that leads
    /// nowhere (or in a loop), or a path below a file.
    /// </summary>
    /// <exception cref="CheckpointException">The message names the path and the problem.</exception>
    public void CheckUsable()
    {
        for (var path = Directory; path is not null; path = Path.GetDirectoryName(path))
        {
            if (System.IO.Directory.Exists(path))
            {
                return;
            }

            // The link first: .NET counts a link that leads nowhere as an existing file.
            var what = path == Directory ? $"The checkpoint folder {path}" : $"The checkpoint folder {Directory} lies below {path}, which";
            if (new FileInfo(path).LinkTarget is not null)
            {
                throw new CheckpointException($"{what} is a symbolic link that leads nowhere (or in a loop). Fix the link or choose another folder.");
            }

            if (File.Exists(path))
            {
                throw new CheckpointException($"{what} is a file.", CheckpointProblem.FolderIsAFile);
            }
        }
    }

    /// <summary>
    /// Makes this object the folder's only writer until the lock is disposed: creates the folder if needed and removes
    /// what killed writers left behind. A killed holder's lock is released by the kernel.
    /// </summary>
    /// <exception cref="CheckpointException">Another process (or object) holds the folder, or it cannot be created or written.</exception>
    public FolderLock Lock()
    {
        CheckUsable();
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"Cannot create the checkpoint folder {Directory}: {e.Message}", e);
        }

        lock (_gate)
        {
            if (_lock is not null)
            {
                throw new InvalidOperationException($"This folder object already holds the lock of {Directory}.");
            }

            _lock = FolderLock.TryTake(Directory, _names.Lock, Released) ?? throw new CheckpointException(
                $"Another trainer is using the checkpoint folder {Directory} (it holds {_names.Lock}). Wait for it to finish, or train into another folder.");
        }

        _leftovers.Remove(FolderLeftovers.KeptBy(_readCommitted(), HasManifest));
        return _lock;
    }

    /// <summary>
    /// Commits a new set of files, taking the lock for it unless this object holds it: <paramref name="writeFiles"/>
    /// fills a new data folder, whose files are then flushed and sealed; <paramref name="writeManifest"/> writes the
    /// manifest naming them, which is renamed over the old one.
    /// </summary>
    /// <param name="number">Goes into the data folder's name (a checkpoint's step).</param>
    /// <exception cref="CheckpointException">Nothing was committed; the previous commit is unchanged.</exception>
    public FolderCommit Commit(long number, Action<string> writeFiles, Action<Stream, FolderCommit> writeManifest)
    {
        FolderLock? held;
        try
        {
            held = HoldsLock ? null : Lock();
        }
        catch (CheckpointException e)
        {
            throw CommitFailed(e);
        }

        using (held)
        {
            var replaced = _readCommitted();
            var committed = WriteAndRename(number, replaced?.Folder, writeFiles, writeManifest);
            FlushFolder();
            RemoveReplaced(committed, replaced);
            return committed;
        }
    }

    /// <summary>
    /// Moves the manifest and every name of the folder's own (an unreadable commit) into a new subfolder, deleting
    /// nothing, so that a fresh start can be made there; returns the subfolder.
    /// </summary>
    public string SetAside()
    {
        using var held = HoldsLock ? null : Lock();
        var aside = Path.Combine(Directory, $"unreadable-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        System.IO.Directory.CreateDirectory(aside);
        foreach (var entry in new DirectoryInfo(Directory).EnumerateFileSystemInfos())
        {
            if (entry.Name != _names.Lock && (entry.Name == _names.Manifest || _names.IsOwned(entry.Name) || _names.FlatFiles.Contains(entry.Name)))
            {
                var target = Path.Combine(aside, entry.Name);
                if (entry is DirectoryInfo folder)
                {
                    folder.MoveTo(target);
                }
                else
                {
                    ((FileInfo)entry).MoveTo(target);
                }
            }
        }

        return aside;
    }

    /// <summary>For a reader of <paramref name="committed"/>: removes leftovers, unless a writer at work owns them.</summary>
    public void RemoveLeftoversIfNoWriter(FolderCommit committed)
    {
        var kept = FolderLeftovers.KeptBy(committed, hasManifest: true);
        if (!_leftovers.Any(kept))
        {
            return;
        }

        if (HoldsLock)
        {
            _leftovers.Remove(kept);
            return;
        }

        // A writer at work owns its temporaries; a read-only folder keeps its leftovers until a writer comes.
        FolderLock? taken;
        try
        {
            lock (_gate)
            {
                taken = _lock = FolderLock.TryTake(Directory, _names.Lock, Released);
            }
        }
        catch (CheckpointException)
        {
            return;
        }

        if (taken is not null)
        {
            using (taken)
            {
                _leftovers.Remove(kept);
            }
        }
    }

    /// <summary>Writes the files into a new data folder and renames a manifest naming them over the old one.</summary>
    private FolderCommit WriteAndRename(long number, string? previous, Action<string> writeFiles, Action<Stream, FolderCommit> writeManifest)
    {
        var id = FolderNames.NewId();
        var writing = Path.Combine(Directory, FolderNames.TemporaryFolder(id));
        var folder = _names.DataFolder(number, id);
        var nextManifest = Path.Combine(Directory, _names.TemporaryManifest(id));
        try
        {
            System.IO.Directory.CreateDirectory(writing);
            writeFiles(writing);
            var files = Seal(writing);
            System.IO.Directory.Move(writing, Path.Combine(Directory, folder));
            var committed = new FolderCommit(folder, files, previous);
            using (var stream = File.Create(nextManifest))
            {
                writeManifest(stream, committed);
                stream.Flush(flushToDisk: true);
            }

            // The commit: rename(2) replaces the manifest atomically.
            File.Move(nextManifest, ManifestPath, overwrite: true);
            return committed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            FolderLeftovers.TryDelete(new DirectoryInfo(writing));
            FolderLeftovers.TryDelete(new DirectoryInfo(Path.Combine(Directory, folder)));
            FolderLeftovers.TryDelete(new FileInfo(nextManifest));
            throw CommitFailed(e);
        }
    }

    private CheckpointException CommitFailed(Exception e) =>
        new($"Could not save the checkpoint to {Directory}: {Sentence.Close(e.Message)} The previous checkpoint, if any, is unchanged.", e);

    /// <summary>Flushes every file of the folder and the folder itself to disk, and lists them with size and hash.</summary>
    private static List<SealedFile> Seal(string folder)
    {
        var files = new List<SealedFile>();
        foreach (var path in System.IO.Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            NativeFiles.FlushToDisk(path);
            using var stream = File.OpenRead(path);
            files.Add(new SealedFile(Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream))));
        }

        NativeFiles.FlushToDisk(folder);
        return files;
    }

    /// <summary>After a commit; a failure here leaves a committed set that a power cut might undo, nothing worse.</summary>
    private void FlushFolder()
    {
        try
        {
            NativeFiles.FlushToDisk(Directory);
        }
        catch (IOException)
        {
            // The rename is done and visible; only its durability across a power cut is in doubt.
        }
    }

    /// <summary>
    /// Deletes the data folders that neither the new commit nor the one it replaced use, and the flat layout's files
    /// once the commit that replaced them has itself been replaced; the caller holds the lock.
    /// </summary>
    private void RemoveReplaced(FolderCommit committed, FolderCommit? replaced)
    {
        _leftovers.Remove(new HashSet<string>(StringComparer.Ordinal) { committed.Folder, committed.Previous ?? committed.Folder });
        if (replaced?.Previous == FolderNames.FlatLayout)
        {
            foreach (var name in _names.FlatFiles)
            {
                FolderLeftovers.TryDelete(new FileInfo(Path.Combine(Directory, name)));
            }
        }
    }

    private bool HoldsLock
    {
        get
        {
            lock (_gate)
            {
                return _lock is not null;
            }
        }
    }

    private void Released()
    {
        lock (_gate)
        {
            _lock = null;
        }
    }
}
