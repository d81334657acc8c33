using System.Text.Json;
using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Core.Tests.Checkpoints;

/// <summary>
/// The folder belongs to the user: commits touch only their own names, never the folder itself, and a commit that
/// fails or is killed leaves the previous one whole. Files and manifest here are stand-ins: the folder knows nothing
/// of what a checkpoint holds.
/// </summary>
public sealed class AtomicFolderTests
{
    [Fact]
    public void Commits_LeaveEverythingElseInTheFolderAlone()
    {
        // Given a folder holding the user's own files, one of them named like a file of the old flat layout
        using var temp = new TempDirectory();
        var directory = temp.Combine("mine");
        Directory.CreateDirectory(Path.Combine(directory, "notes"));
        File.WriteAllText(Path.Combine(directory, "notes", "plan.txt"), "keep me");
        File.WriteAllText(Path.Combine(directory, "model.bin"), "my own model");
        File.WriteAllText(Path.Combine(directory, "step-1-notes"), "not a data folder");

        // When three commits go into it
        var folder = Folder(directory);
        Commit(folder, 2);
        Commit(folder, 4);
        Commit(folder, 6);

        // Then the user's files are as they were, beside the commit
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(directory, "notes", "plan.txt")));
        Assert.Equal("my own model", File.ReadAllText(Path.Combine(directory, "model.bin")));
        Assert.Equal("not a data folder", File.ReadAllText(Path.Combine(directory, "step-1-notes")));
        AssertCommittedAt(directory, 6);
    }

    [Fact]
    public void Commit_KeepsTheCommitItReplaces_AndDeletesOlderOnes()
    {
        // Given a folder
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        var folder = Folder(directory);

        // When it takes commits at steps 2, 4 and 6
        Commit(folder, 2);
        var replaced = Commit(folder, 4);
        var last = Commit(folder, 6);

        // Then the one it replaced stays: a reader that read the step-4 manifest may still be opening its files
        Assert.Equal([replaced.Folder, last.Folder], Directory.GetDirectories(directory).Select(Path.GetFileName).Order());
        Assert.Equal(replaced.Folder, last.Previous);
        Assert.StartsWith("step-6-", last.Folder);
    }

    [Fact]
    public void Commit_SealsEachFileWithItsSizeAndHash()
    {
        // Given a commit of one file holding "abc"
        using var temp = new TempDirectory();

        // When its record is read
        var committed = Commit(Folder(temp.Combine("ckpt")), 3, content: "abc");

        // Then it lists the file with its size and SHA-256
        var file = Assert.Single(committed.Files);
        Assert.Equal(new SealedFile("model.bin", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), file);
    }

    [Fact]
    public void Commit_WritesIntoAFolderGivenWithATrailingSlash()
    {
        // Given a folder named with a trailing slash
        using var temp = new TempDirectory();
        var folder = Folder(temp.Combine("ckpt") + "/");

        // When it takes a commit
        Commit(folder, 3);

        // Then the folder is the one without the slash, and holds the commit
        Assert.Equal(temp.Combine("ckpt"), folder.Directory);
        Assert.Equal(["ckpt"], SavedCheckpoint.Entries(temp.Path));
        AssertCommittedAt(temp.Combine("ckpt"), 3);
    }

    [Fact]
    public void Commits_KeepASymlinkedFolderALink()
    {
        // Given a symbolic link to a folder
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("real"));
        Directory.CreateSymbolicLink(temp.Combine("link"), temp.Combine("real"));
        var folder = Folder(temp.Combine("link"));

        // When it takes two commits
        Commit(folder, 2);
        Commit(folder, 4);

        // Then it is still a link, and the commits are in the folder it leads to
        Assert.Equal(temp.Combine("real"), new DirectoryInfo(temp.Combine("link")).LinkTarget);
        Assert.True(File.Exists(Path.Combine(temp.Combine("real"), "checkpoint.json")));
        Assert.Equal(["link", "real"], SavedCheckpoint.Entries(temp.Path));
        AssertCommittedAt(temp.Combine("link"), 4);
    }

    [Fact]
    public void Commit_LeavesThePreviousCommitAndNoTemporaries_WhenWritingItsFilesFails()
    {
        // Given a commit at step 2
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        var folder = Folder(directory);
        Commit(folder, 2);
        var before = SavedCheckpoint.Entries(directory);

        // When the next commit's files cannot be written
        var error = Assert.Throws<CheckpointException>(() => folder.Commit(4, _ => throw new IOException("No space left on device"), WriteManifest));

        // Then it says so, and the folder is as it was
        Assert.Contains("No space left on device.", error.Message);
        Assert.Contains("The previous checkpoint, if any, is unchanged.", error.Message);
        Assert.Equal(before, SavedCheckpoint.Entries(directory));
        AssertCommittedAt(directory, 2);
    }

    [Fact]
    public void AKilledCommit_LeavesThePreviousOne_AndTheNextWriterRemovesWhatItLeft()
    {
        // Given a commit at step 4 and what commits killed at each stage leave: a half-written folder, a complete
        // data folder that no manifest names yet, and a manifest not yet renamed into place
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        Commit(Folder(directory), 4);
        var committed = SavedCheckpoint.Entries(directory);
        Directory.CreateDirectory(Path.Combine(directory, ".saving-0123456789ab"));
        File.WriteAllBytes(Path.Combine(directory, ".saving-0123456789ab", "model.bin"), new byte[1000]);
        Directory.CreateDirectory(Path.Combine(directory, "step-9-0123456789ab"));
        File.WriteAllText(Path.Combine(directory, ".checkpoint.json.0123456789ab.tmp"), "{");
        File.WriteAllText(Path.Combine(directory, "user.txt"), "mine");

        // When a writer opens the folder, it removes the leftovers and nothing else
        using (Folder(directory).Lock())
        {
            Assert.Equal([.. committed, "user.txt"], SavedCheckpoint.Entries(directory));
        }

        // And the previous commit is whole
        AssertCommittedAt(directory, 4);
    }

    [Fact]
    public void RemoveLeftoversIfNoWriter_LeavesAWritersTemporariesAlone()
    {
        // Given a commit and a stray temporary folder
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        var committed = Commit(Folder(directory), 4);
        var stray = Path.Combine(directory, ".saving-0123456789ab");

        // Given a writer at work, then its temporaries are its own while it runs
        using (Folder(directory).Lock())
        {
            Directory.CreateDirectory(stray);
            Folder(directory).RemoveLeftoversIfNoWriter(committed);
            Assert.True(Directory.Exists(stray));
        }

        // When no writer holds the folder, then a reader removes it
        Folder(directory).RemoveLeftoversIfNoWriter(committed);
        Assert.False(Directory.Exists(stray));
    }

    [Fact]
    public void Lock_RefusesASecondWriter_UntilTheFirstLetsGo()
    {
        // Given a writer holding the folder
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        var first = Folder(directory).Lock();

        // When a second one asks, it is refused, naming the folder
        var error = Assert.Throws<CheckpointException>(() => Folder(directory).Lock());
        Assert.Contains("Another trainer", error.Message);
        Assert.Contains(directory, error.Message);

        // Then once the first lets go, the second gets the folder
        first.Dispose();
        using var second = Folder(directory).Lock();
    }

    [Theory]
    [InlineData("file")]
    [InlineData("below-a-file")]
    [InlineData("loop")]
    public void CheckUsable_RefusesAPathThatCannotBeAFolder_WithoutCreatingAnything(string kind)
    {
        // Given a file, a link in a loop, and a path below the file
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("file"), "x");
        File.CreateSymbolicLink(temp.Combine("loop"), temp.Combine("loop"));
        var path = kind == "below-a-file" ? Path.Combine(temp.Combine("file"), "ckpt") : temp.Combine(kind);
        var before = SavedCheckpoint.Entries(temp.Path);

        // When such a path is locked as a folder
        var error = Assert.Throws<CheckpointException>(() => Folder(path).Lock());

        // Then it is refused as it is, and nothing was created
        Assert.Contains(kind == "loop" ? "symbolic link" : "is a file", error.Message);
        Assert.Equal(kind == "loop" ? CheckpointProblem.Other : CheckpointProblem.FolderIsAFile, error.Problem);
        Assert.Equal(before, SavedCheckpoint.Entries(temp.Path));
    }

    [Fact]
    public void CheckUsable_NamesTheFileInTheWay_When_ThePathLiesBelowAFile()
    {
        // Given a path below a regular file
        using var temp = new TempDirectory();
        var file = temp.Combine("file");
        File.WriteAllText(file, "x");
        var path = Path.Combine(file, "ckpt");

        // When it is checked as a checkpoint folder
        var error = Assert.Throws<CheckpointException>(() => Folder(path).CheckUsable());

        // Then one sentence names the folder and the file in its way
        Assert.Equal($"The checkpoint folder {path} lies below {file}, which is a file.", error.Message);
    }

    [Fact]
    public void Commits_RemoveTheFlatLayoutsFiles_OnlyOnceTheCommitThatReplacedThemIsReplaced()
    {
        // Given a flat-layout folder (files beside a manifest without data) and a file of the user's
        using var temp = new TempDirectory();
        var directory = temp.Combine("flat");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "checkpoint.json"), "{}");
        File.WriteAllText(Path.Combine(directory, "model.bin"), "old weights");
        File.WriteAllText(Path.Combine(directory, "readme.txt"), "mine");
        var folder = Folder(directory);

        // When one commit replaces it, the flat files stay for readers still on them
        Assert.Equal(FolderNames.FlatLayout, Commit(folder, 2).Previous);
        Assert.True(File.Exists(Path.Combine(directory, "model.bin")));

        // And the next commit removes them, leaving the user's file
        Commit(folder, 4);
        var entries = SavedCheckpoint.Entries(directory);
        Assert.DoesNotContain("model.bin", entries);
        Assert.Contains("readme.txt", entries);
        Assert.Equal(2, entries.Count(name => name.StartsWith("step-", StringComparison.Ordinal)));
    }

    [Fact]
    public void SetAside_MovesTheCommitIntoASubfolder_DeletingNothing()
    {
        // Given a commit beside a file of the user's
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        var folder = Folder(directory);
        var committed = Commit(folder, 2);
        File.WriteAllText(Path.Combine(directory, "user.txt"), "mine");

        // When the commit is set aside
        var aside = folder.SetAside();

        // Then manifest and data folder moved into the subfolder, and the user's file stayed
        Assert.Equal(["checkpoint.json", committed.Folder], SavedCheckpoint.Entries(aside));
        Assert.Equal(["checkpoint.lock", Path.GetFileName(aside), "user.txt"], SavedCheckpoint.Entries(directory));
        Assert.False(folder.HasManifest);
    }

    /// <summary>The manifest of these tests: nothing but the commit's own record.</summary>
    private sealed record Manifest(FolderCommit? Data);

    private static AtomicFolder Folder(string directory) =>
        new(directory, CheckpointFiles.Folder, () => ReadManifest(Path.Combine(directory, "checkpoint.json")) is { } manifest ? manifest.Data ?? FolderCommit.Flat : null);

    private static FolderCommit Commit(AtomicFolder folder, long number, string content = "weights") =>
        folder.Commit(number, files => File.WriteAllText(Path.Combine(files, "model.bin"), content), WriteManifest);

    private static void WriteManifest(Stream stream, FolderCommit committed) => JsonSerializer.Serialize(stream, new Manifest(committed), JsonDefaults.Options);

    private static Manifest? ReadManifest(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), JsonDefaults.Options);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    private static void AssertCommittedAt(string directory, long number)
    {
        var manifest = ReadManifest(Path.Combine(directory, "checkpoint.json"))!;
        Assert.StartsWith($"step-{number}-", manifest.Data!.Folder);
        Assert.True(File.Exists(Path.Combine(directory, manifest.Data.Folder, "model.bin")));
    }
}
