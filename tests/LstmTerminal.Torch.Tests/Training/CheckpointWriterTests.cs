using LstmTerminal.Core;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Model;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

/// <summary>When a run saves, and what it remembers of its saves; the saving itself is the store's (stood in for here).</summary>
public sealed class CheckpointWriterTests
{
    private readonly List<long> _written = [];
    private readonly List<TrainingEvent> _reported = [];
    private string? _failure;

    [Fact]
    public void IsDue_EverySaveEverySteps_AndOnceAfterARequest()
    {
        // Given saves every 5 steps
        var writer = Writer(saveEvery: 5);

        // When steps 4 and 5 end, then a request comes, and steps 6 and 7 end
        bool[] due = [writer.IsDue(4), writer.IsDue(5)];
        writer.Request();
        bool[] requested = [writer.IsDue(6), writer.IsDue(7)];

        // Then the schedule saves at 5 and the request once, at 6
        Assert.Equal([false, true], due);
        Assert.Equal([true, false], requested);
    }

    [Fact]
    public void IsDue_TakesTheRequest_WhenTheScheduleSavesAnyway()
    {
        // Given saves every 5 steps
        var writer = Writer(saveEvery: 5);

        // When a request comes before step 10
        writer.Request();

        // Then step 10 saves and the request does not save step 11 again
        Assert.True(writer.IsDue(10));
        Assert.False(writer.IsDue(11));
    }

    [Fact]
    public void Save_ReportsTheSave_AndRemembersItsStep()
    {
        // Given a run resumed from a checkpoint of step 3
        var writer = Writer(saveEvery: 5, savedStep: 3);

        // When step 8 is saved
        writer.Save(Manifest(step: 8), new SynchronousProgress<TrainingEvent>(_reported.Add));

        // Then it is written and reported, and step 8 counts as saved
        Assert.Equal([8L], _written);
        Assert.Equal(new CheckpointSaved(8, "/ckpt"), Assert.Single(_reported));
        Assert.Equal(new CheckpointSaved(8, "/ckpt"), writer.LastSaved);
        Assert.True(writer.IsSaved(8));
        Assert.False(writer.IsSaved(3));
    }

    [Fact]
    public void Save_ReportsAFailure_AndKeepsTheLastGoodSave()
    {
        // Given a good save at step 5
        var writer = Writer(saveEvery: 5);
        writer.Save(Manifest(step: 5), null);

        // When the save of step 10 fails
        _failure = "Disk full.";
        writer.Save(Manifest(step: 10), new SynchronousProgress<TrainingEvent>(_reported.Add));

        // Then the failure is reported, the run still names step 5, and step 10 counts as unsaved
        Assert.Equal(new CheckpointFailed(10, "Disk full."), Assert.Single(_reported));
        Assert.Equal("Disk full.", writer.LastProblem);
        Assert.Equal(5, writer.LastSaved!.Step);
        Assert.False(writer.IsSaved(10));
    }

    [Fact]
    public void BeginRun_ForgetsTheOutcomesOfTheRunBefore()
    {
        // Given a run that saved step 5 and failed to save step 10
        var writer = Writer(saveEvery: 5);
        writer.Save(Manifest(step: 5), null);
        _failure = "Disk full.";
        writer.Save(Manifest(step: 10), null);

        // When the next run begins
        writer.BeginRun();

        // Then its result will name neither
        Assert.Null(writer.LastSaved);
        Assert.Null(writer.LastProblem);
    }

    private CheckpointWriter Writer(int saveEvery, long savedStep = 0) =>
        new("/ckpt", saveEvery, savedStep, new PublishedWeights(() => throw new InvalidOperationException("nothing reads"), TimeProvider.System), Write);

    private void Write(CheckpointManifest manifest)
    {
        if (_failure is not null)
        {
            throw new CheckpointException(_failure);
        }

        _written.Add(manifest.Step);
    }

    private static CheckpointManifest Manifest(long step) => new()
    {
        Step = step,
        Epoch = 0,
        StepInEpoch = (int)step,
        Model = new ModelShape { VocabularySize = 2, EmbeddingSize = 1, RnnSize = 1, Layers = 1, Dropout = 0 },
        Training = Plans.Tiny("unused").Settings,
        Corpus = "memory",
        LossHistory = [],
        ValidationHistory = [],
    };
}
