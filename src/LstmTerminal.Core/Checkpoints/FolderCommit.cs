namespace LstmTerminal.Core.Checkpoints;

/// <summary>What a manifest records of the files it commits (its <c>data</c>).</summary>
/// <param name="Folder">The subfolder holding the files, or <see cref="FolderNames.FlatLayout"/> for a flat-layout manifest.</param>
/// <param name="Previous">
/// The data folder of the commit this one replaced, kept for readers that are still on it
/// (<see cref="FolderNames.FlatLayout"/> when that one's files lie beside the manifest); null if there was none.
/// </param>
public sealed record FolderCommit(string Folder, List<SealedFile> Files, string? Previous)
{
    /// <summary>A flat-layout manifest's: its files lie beside it, unlisted.</summary>
    public static FolderCommit Flat => new(FolderNames.FlatLayout, [], null);
}

/// <summary>One file as its commit wrote it: a missing, truncated or altered file is refused by these.</summary>
public sealed record SealedFile(string Name, long Bytes, string Sha256);
