namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// What an <see cref="AtomicFolder"/> leaves that nothing needs: temporaries of killed writers (only a writer's own
/// lock makes them safe to delete) and data folders no commit in force names.
/// </summary>
internal sealed class FolderLeftovers(string directory, FolderNames names)
{
    /// <summary>The data folders a commit needs: its own and the previous one; none without a manifest; all (null) if it is unreadable.</summary>
    public static IReadOnlySet<string>? KeptBy(FolderCommit? committed, bool hasManifest)
    {
        if (committed is null)
        {
            return hasManifest ? null : new HashSet<string>();
        }

        var kept = new HashSet<string>(StringComparer.Ordinal) { committed.Folder };
        if (committed.Previous is not null)
        {
            kept.Add(committed.Previous);
        }

        return kept;
    }

    public bool Any(IReadOnlySet<string>? kept) => Entries(kept).Any();

    public void Remove(IReadOnlySet<string>? kept)
    {
        foreach (var entry in Entries(kept))
        {
            TryDelete(entry);
        }
    }

    public static void TryDelete(FileSystemInfo entry)
    {
        try
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover is harmless: the next writer removes it.
        }
    }

    private IEnumerable<FileSystemInfo> Entries(IReadOnlySet<string>? kept) =>
        new DirectoryInfo(directory).EnumerateFileSystemInfos().Where(entry =>
            FolderNames.IsTemporaryFolder(entry.Name) || names.IsTemporaryManifest(entry.Name)
            || (kept is not null && names.IsDataFolder(entry.Name) && !kept.Contains(entry.Name)));
}
