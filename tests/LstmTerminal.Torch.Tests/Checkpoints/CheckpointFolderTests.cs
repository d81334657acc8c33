using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Tests.Checkpoints;

/// <summary>The checkpoint folder belongs to the user: the store touches only its own names and never the folder itself.</summary>
public sealed class CheckpointFolderTests
{
    [Fact]
    public void Saves_LeaveEverythingElseInTheFolderAlone()
    {
        // Given a folder holding the user's own files, one of them named like a file of the old flat layout
        using var temp = new TempDirectory();
        var directory = temp.Combine("mine");
        Directory.CreateDirectory(Path.Combine(directory, "notes"));
        File.WriteAllText(Path.Combine(directory, "notes", "plan.txt"), "keep me");
        File.WriteAllText(Path.Combine(directory, "model.bin"), "my own model");
        File.WriteAllText(Path.Combine(directory, "step-1-notes"), "not a data folder");

        // When three saves go into it
        Train(Plans.Tiny(directory, maxSteps: 6, saveEvery: 2));

        // Then the user's files are as they were, beside the checkpoint
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(directory, "notes", "plan.txt")));
        Assert.Equal("my own model", File.ReadAllText(Path.Combine(directory, "model.bin")));
        Assert.Equal("not a data folder", File.ReadAllText(Path.Combine(directory, "step-1-notes")));
        AssertLoadsAt(directory, step: 6);
    }

    [Fact]
    public void Save_KeepsTheSaveItReplaces_AndDeletesOlderOnes()
    {
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");

        Train(Plans.Tiny(directory, maxSteps: 6, saveEvery: 2));

        // A reader that read the step-4 manifest may still be opening its files.
        var folders = Directory.GetDirectories(directory).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(2, folders.Count);
        Assert.StartsWith("step-4-", folders[0]);
        Assert.StartsWith("step-6-", folders[1]);
        Assert.Equal(folders[0], SavedCheckpoint.Manifest(directory)["data"]!["previous"]!.GetValue<string>());
    }

    [Fact]
    public void Save_WritesIntoAFolderGivenWithATrailingSlash()
    {
        using var temp = new TempDirectory();
        var store = new CheckpointStore(temp.Combine("ckpt") + "/");

        Train(Plans.Tiny("unused", maxSteps: 3) with { Checkpoints = store });

        Assert.Equal(temp.Combine("ckpt"), store.Directory);
        Assert.Equal(["ckpt"], SavedCheckpoint.Entries(temp.Path));
        AssertLoadsAt(temp.Combine("ckpt"), step: 3);
    }

    [Fact]
    public void Saves_KeepASymlinkedFolderALink()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("real"));
        Directory.CreateSymbolicLink(temp.Combine("link"), temp.Combine("real"));

        Train(Plans.Tiny(temp.Combine("link"), maxSteps: 4, saveEvery: 2));

        Assert.Equal(temp.Combine("real"), new DirectoryInfo(temp.Combine("link")).LinkTarget);
        Assert.True(File.Exists(Path.Combine(temp.Combine("real"), "checkpoint.json")));
        Assert.Equal(["link", "real"], SavedCheckpoint.Entries(temp.Path));
        AssertLoadsAt(temp.Combine("link"), step: 4);
    }

    [Fact]
    public void AKilledSave_LeavesThePreviousCheckpoint_AndTheNextWriterRemovesWhatItLeft()
    {
        // Given a checkpoint at step 4 and what saves killed at each stage leave: a half-written folder, a complete
        // data folder that no manifest names yet, and a manifest not yet renamed into place
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        Train(Plans.Tiny(directory, maxSteps: 4));
        var committed = SavedCheckpoint.Entries(directory);
        Directory.CreateDirectory(Path.Combine(directory, ".saving-0123456789ab"));
        File.WriteAllBytes(Path.Combine(directory, ".saving-0123456789ab", "model.bin"), new byte[1000]);
        Directory.CreateDirectory(Path.Combine(directory, "step-9-0123456789ab"));
        File.WriteAllText(Path.Combine(directory, ".checkpoint.json.0123456789ab.tmp"), "{");
        File.WriteAllText(Path.Combine(directory, "user.txt"), "mine");

        // When a writer opens the folder, it removes the leftovers and nothing else
        using (new CheckpointStore(directory).Lock())
        {
            Assert.Equal([.. committed, "user.txt"], SavedCheckpoint.Entries(directory));
        }

        // And the previous checkpoint is whole
        AssertLoadsAt(directory, step: 4);
    }

    [Fact]
    public void Readers_RemoveLeftovers_OnlyWhenNoWriterHoldsTheFolder()
    {
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        Train(Plans.Tiny(directory, maxSteps: 4));
        var stray = Path.Combine(directory, ".saving-0123456789ab");

        // A writer's temporaries are its own while it runs
        using (new CheckpointStore(directory).Lock())
        {
            Directory.CreateDirectory(stray);
            new CheckpointStore(directory).LoadForInference();
            Assert.True(Directory.Exists(stray));
        }

        new CheckpointStore(directory).LoadForInference();
        Assert.False(Directory.Exists(stray));
    }

    [Fact]
    public void Lock_RefusesASecondWriter_UntilTheFirstLetsGo()
    {
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        var first = new CheckpointStore(directory).Lock();

        var error = Assert.Throws<CheckpointException>(() => new CheckpointStore(directory).Lock());
        Assert.Contains("Another trainer", error.Message);
        Assert.Contains(directory, error.Message);

        first.Dispose();
        using var second = new CheckpointStore(directory).Lock();
    }

    [Theory]
    [InlineData("file")]
    [InlineData("below-a-file")]
    [InlineData("loop")]
    public void CheckUsable_RefusesAPathThatCannotBeAFolder_WithoutCreatingAnything(string kind)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("file"), "x");
        File.CreateSymbolicLink(temp.Combine("loop"), temp.Combine("loop"));
        var path = kind == "below-a-file" ? Path.Combine(temp.Combine("file"), "ckpt") : temp.Combine(kind);
        var before = SavedCheckpoint.Entries(temp.Path);

        var error = Assert.Throws<CheckpointException>(() => new CheckpointStore(path).Lock());

        Assert.Contains(kind == "loop" ? "symbolic link" : "is a file", error.Message);
        Assert.Equal(before, SavedCheckpoint.Entries(temp.Path));
    }

    private static void Train(TrainingPlan plan)
    {
        using var trainer = Trainer.Start(plan);
        Assert.Null(trainer.Run(null, CancellationToken.None).SaveProblem);
    }

    private static void AssertLoadsAt(string directory, long step)
    {
        var loaded = new CheckpointStore(directory).Load();
        loaded.Model.Dispose();
        Assert.Equal(step, loaded.Manifest.Step);
    }
}
