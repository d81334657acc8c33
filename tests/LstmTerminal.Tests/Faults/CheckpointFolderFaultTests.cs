using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Tests.Commands;
using LstmTerminal.Tests.Support;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Tests.Faults;

/// <summary>
/// <c>train</c> against checkpoint folders that are shared, odd or failing: the user's files survive, a failed save is
/// a failure that names no checkpoint, and a folder that cannot work is refused in one line before training.
/// </summary>
public sealed class CheckpointFolderFaultTests
{
    [Fact]
    public async Task Train_LeavesTheUsersOwnFilesInTheCheckpointFolder()
    {
        using var workspace = new TinyWorkspace();
        Directory.CreateDirectory(Path.Combine(workspace.CheckpointDirectory, "drafts"));
        File.WriteAllText(Path.Combine(workspace.CheckpointDirectory, "drafts", "sonnet.txt"), "shall i compare thee");
        File.WriteAllText(Path.Combine(workspace.CheckpointDirectory, "notes.md"), "my notes");

        var first = await CliRun.RunAsync([.. workspace.Args("train", "--max-steps", "4"), "--Training:SaveEvery=1"]);
        var second = await CliRun.RunAsync([.. workspace.Args("train", "--resume", "--max-steps", "8"), "--Training:SaveEvery=1"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("shall i compare thee", File.ReadAllText(Path.Combine(workspace.CheckpointDirectory, "drafts", "sonnet.txt")));
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(workspace.CheckpointDirectory, "notes.md")));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Train_IntoTheWorkingFolderItself_KeepsItsFiles()
    {
        using var workspace = new TinyWorkspace();
        Directory.CreateDirectory(Path.Combine(workspace.Root, "drafts"));
        File.WriteAllText(Path.Combine(workspace.Root, "drafts", "sonnet.txt"), "shall i compare thee");

        var (exitCode, output, error) = await AppProcess.RunAsync(
            [.. workspace.Args("train", "--max-steps", "3", "--checkpoint-dir", ".", "--json"), "--Training:SaveEvery=1"], workingDirectory: workspace.Root);

        Assert.True(exitCode == 0, error);
        Assert.Contains($"\"checkpoint\": \"{workspace.Root}\"", output);
        Assert.True(File.Exists(workspace.CorpusPath));
        Assert.Equal("shall i compare thee", File.ReadAllText(Path.Combine(workspace.Root, "drafts", "sonnet.txt")));
        Assert.True(File.Exists(Path.Combine(workspace.Root, "checkpoint.json")));
    }

    [Fact]
    public async Task Train_SavesIntoAFolderGivenWithATrailingSlash()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync(workspace.Args("train", "--max-steps", "3", "--checkpoint-dir", workspace.CheckpointDirectory + "/", "--json"));
        var generate = await CliRun.RunAsync(workspace.Args("generate", "thou art", "--words", "2"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(workspace.CheckpointDirectory, run.Json.GetProperty("checkpoint").GetString());
        Assert.Equal(3, run.Json.GetProperty("checkpointStep").GetInt64());
        Assert.Equal(0, generate.ExitCode);
    }

    [Fact]
    public async Task Train_FailsAndNamesNoCheckpoint_WhenTheFinalSaveFails()
    {
        // Given a folder where the manifest cannot be committed (its name is taken by a folder)
        using var workspace = new TinyWorkspace();
        Directory.CreateDirectory(Path.Combine(workspace.CheckpointDirectory, "checkpoint.json"));

        var run = await CliRun.RunAsync(workspace.Args("train", "--max-steps", "3", "--json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, run.Json.GetProperty("checkpoint").ValueKind);
        Assert.Contains("error: the checkpoint of step 3 was NOT saved", run.Error);
        Assert.Contains("previous checkpoint, if any, is unchanged", run.Error);
    }

    [SkippableFact]
    public async Task Train_FailsAndDoesNotNameTheStaleCheckpoint_WhenTheFolderBecameReadOnly()
    {
        // Given a checkpoint at step 3 in a folder that can no longer take new entries
        using var workspace = new TinyWorkspace();
        Assert.Equal(0, (await CliRun.RunAsync(workspace.Args("train", "--max-steps", "3"))).ExitCode);
        Skip.IfNot(Environment.UserName == "root" && HostCommand.TryRun("chattr", "+i", workspace.CheckpointDirectory), "needs root and chattr to make a folder read-only for root");
        try
        {
            // When a resumed run tries to save step 6
            var run = await CliRun.RunAsync(workspace.Args("train", "--resume", "--max-steps", "6", "--json"));

            // Then it fails, names no checkpoint, and says the old one is unchanged
            Assert.Equal(1, run.ExitCode);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, run.Json.GetProperty("checkpoint").ValueKind);
            Assert.Contains("previous checkpoint, if any, is unchanged", run.Error);
        }
        finally
        {
            HostCommand.TryRun("chattr", "-i", workspace.CheckpointDirectory);
        }

        Assert.Equal(3, new CheckpointReader(workspace.CheckpointDirectory).LoadForInference(TokenizerPlugins.Catalog).Manifest.Step);
    }

    [Theory]
    [InlineData("file", "is a file")]
    [InlineData("loop", "symbolic link")]
    [InlineData("below-a-file", "is a file")]
    public async Task Train_RefusesACheckpointPathThatCannotBeAFolder_BeforeLoadingAnything(string kind, string expected)
    {
        using var workspace = new TinyWorkspace();
        var file = Path.Combine(workspace.Root, "file");
        File.WriteAllText(file, "x");
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "loop"), Path.Combine(workspace.Root, "loop"));
        var path = kind == "below-a-file" ? Path.Combine(file, "ckpt") : Path.Combine(workspace.Root, kind);

        var run = await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2", "--checkpoint-dir", path));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.StartsWith("error: The checkpoint folder", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Train_RefusesASecondTrainerOnTheSameFolder_AtStart()
    {
        // Given a checkpoint and another trainer holding its folder
        using var workspace = new TinyWorkspace();
        Assert.Equal(0, (await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2"))).ExitCode);
        var manifest = File.ReadAllText(Path.Combine(workspace.CheckpointDirectory, "checkpoint.json"));
        using var other = new CheckpointStore(workspace.CheckpointDirectory).Lock();

        // When a second trainer starts on it
        var run = await CliRun.RunAsync(workspace.Args("train", "--max-steps", "4"));

        // Then it is refused in one line, before it loads the corpus, and the checkpoint is untouched
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Another trainer is using the checkpoint folder", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(workspace.CheckpointDirectory, "checkpoint.json")));
    }
}
