using LstmTerminal.Core;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Tests.Checkpoints;

/// <summary>A save that cannot be written must not stop training nor touch the previous checkpoint.</summary>
public sealed class SaveFailureTests
{
    [SkippableFact]
    public void Run_ContinuesAndKeepsTheOldCheckpoint_WhenTheFolderBecomesReadOnly()
    {
        // Given a checkpoint of step 5 in a folder made read-only
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        TrainAndSave(directory, steps: 5);
        Skip.IfNot(HostCommand.TryRun("chattr", "+i", directory), "needs root and chattr to make a folder read-only for root");
        try
        {
            // When a run resumes it to step 15
            var (result, events) = ResumeTo(directory, steps: 15);

            // Then the run went on to step 15, its saves failed, and it says so
            Assert.Equal(StopReason.StepLimit, result.Reason);
            Assert.Equal(15, result.Steps);
            Assert.Contains(events, e => e is CheckpointFailed failed && failed.Message.Contains("previous checkpoint"));
            AssertFailedWithoutACheckpoint(result);
        }
        finally
        {
            HostCommand.TryRun("chattr", "-i", directory);
        }

        // And step 5 is still there
        AssertCheckpointAt(directory, step: 5);
    }

    [SkippableFact]
    public void Run_ContinuesAndKeepsTheOldCheckpoint_WhenTheDiskIsFull()
    {
        // Given a checkpoint of step 5 on a full disk
        using var temp = new TempDirectory();
        var mount = temp.Combine("small-disk");
        Directory.CreateDirectory(mount);
        Skip.IfNot(HostCommand.TryRun("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount), "needs root to mount a small tmpfs");
        try
        {
            var directory = Path.Combine(mount, "ckpt");
            TrainAndSave(directory, steps: 5);
            FillUp(Path.Combine(mount, "filler.bin"));

            // When a run resumes it to step 15
            var (result, events) = ResumeTo(directory, steps: 15);

            // Then it got there, its saves failed, step 5 is still there, and nothing of the failed saves is left
            Assert.Equal(15, result.Steps);
            Assert.Contains(events, e => e is CheckpointFailed);
            AssertFailedWithoutACheckpoint(result);
            AssertCheckpointAt(directory, step: 5);
            Assert.DoesNotContain(SavedCheckpoint.Entries(directory), name => name.StartsWith(".saving-", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal));
        }
        finally
        {
            HostCommand.TryRun("umount", mount);
        }
    }

    [Fact]
    public void Run_NamesNoCheckpoint_WhenItsSavesFail_BecauseAnotherWriterHoldsTheFolder()
    {
        // Given a checkpoint at step 5 and another store holding the folder
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        TrainAndSave(directory, steps: 5);
        using var other = new CheckpointStore(directory).Lock();

        // When a run resumes it to step 15, saving at 10 and 15
        var (result, events) = ResumeTo(directory, steps: 15);

        // Then every save fails, the result says so and names no checkpoint, and the folder keeps step 5
        Assert.Equal([10L, 15], events.OfType<CheckpointFailed>().Select(failed => failed.Step).Distinct());
        Assert.Contains("Another trainer", result.SaveProblem);
        AssertFailedWithoutACheckpoint(result);
        AssertCheckpointAt(directory, step: 5);
    }

    [Fact]
    public void Run_NamesTheCheckpointItWrote_WhenOnlyAnEarlierSaveFailed()
    {
        // Given a checkpoint of step 5, resumed, and another writer holding the folder
        using var temp = new TempDirectory();
        var directory = temp.Combine("ckpt");
        TrainAndSave(directory, steps: 5);
        var plan = Plans.Tiny(directory, maxSteps: 15, saveEvery: 5);
        using var trainer = Trainer.Resume(plan, plan.Checkpoints.Load(TokenizerPlugins.Catalog));
        FolderLock? other = new CheckpointStore(directory).Lock();

        // When the other writer lets go after the save at step 10 failed
        // The other writer lets go after the save at step 10 failed.
        var result = trainer.Run(new SynchronousProgress<TrainingEvent>(e =>
        {
            if (e is CheckpointFailed)
            {
                other?.Dispose();
                other = null;
            }
        }), CancellationToken.None);

        // Then the run succeeded and names its save of step 15
        Assert.True(result.Succeeded);
        Assert.Null(result.SaveProblem);
        Assert.Equal(directory, result.Checkpoint);
        Assert.Equal(15, result.CheckpointStep);
        AssertCheckpointAt(directory, step: 15);
    }

    private static void AssertFailedWithoutACheckpoint(TrainingResult result)
    {
        Assert.False(result.Succeeded);
        Assert.NotNull(result.SaveProblem);
        Assert.Null(result.Checkpoint);
        Assert.Null(result.CheckpointStep);
    }

    private static void TrainAndSave(string directory, int steps)
    {
        using var trainer = Trainer.Start(Plans.Tiny(directory, maxSteps: steps));
        trainer.Run(null, CancellationToken.None);
    }

    private static (TrainingResult Result, List<TrainingEvent> Events) ResumeTo(string directory, int steps)
    {
        var plan = Plans.Tiny(directory, maxSteps: steps, saveEvery: 5);
        using var trainer = Trainer.Resume(plan, plan.Checkpoints.Load(TokenizerPlugins.Catalog));
        var events = new List<TrainingEvent>();
        var result = trainer.Run(new SynchronousProgress<TrainingEvent>(events.Add), CancellationToken.None);
        return (result, events);
    }

    private static void AssertCheckpointAt(string directory, int step)
    {
        var checkpoint = new CheckpointStore(directory).Load(TokenizerPlugins.Catalog);
        checkpoint.Model.Dispose();
        Assert.Equal(step, checkpoint.Manifest.Step);
    }

    private static void FillUp(string path)
    {
        // Unbuffered, so disposing has nothing left to flush onto the full disk.
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // The disk is full: exactly the state under test.
        }
    }
}
