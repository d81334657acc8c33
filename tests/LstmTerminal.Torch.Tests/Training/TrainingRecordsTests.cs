using System.Text;
using LstmTerminal.Core;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Records;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

/// <summary>What a run writes beside its checkpoints: metrics.csv, TensorBoard events and best/; none of it may cost a checkpoint.</summary>
public sealed class TrainingRecordsTests
{
    [Fact]
    public void Run_WritesAMetricsRowPerStep_WithTheValidationAtEachEpochsEnd()
    {
        // Given a tiny model for two epochs
        using var temp = new TempDirectory();
        var plan = Plans.Tiny(temp.Combine("ckpt"), epochs: 2);

        // When it trains
        var (result, events) = Run(plan);

        // Then metrics.csv has one row per step, and the epochs' last steps carry their validations
        var rows = MetricsCsv.Read(Path.Combine(plan.Checkpoints.Directory, MetricsCsv.FileName));
        Assert.Equal(Enumerable.Range(1, (int)result.Steps).Select(step => (long)step), rows.Select(row => row.Step));
        var validations = events.OfType<ValidationCompleted>().ToList();
        Assert.Equal(validations.Select(v => (v.Step, v.Loss)), rows.Where(row => row.ValidationLoss is not null).Select(row => (row.Step, row.ValidationLoss!.Value)));
        Assert.All(rows, row => Assert.True(row.WorkingSetBytes > 0 && row.LearningRate == plan.Settings.LearningRate));
    }

    [Fact]
    public void Resume_AppendsTheNextSteps_WithoutRepeatingOrLosingRows()
    {
        // Given a run of 6 steps, saved
        using var temp = new TempDirectory();
        var plan = Plans.Tiny(temp.Combine("ckpt"), maxSteps: 6);
        Run(plan);

        // When it is resumed up to step 12
        using (var resumed = Trainer.Resume(plan with { MaxSteps = 12 }, plan.Checkpoints.Load(TokenizerPlugins.Catalog)))
        {
            resumed.Run(null, CancellationToken.None);
        }

        // Then each step has exactly one row
        var rows = MetricsCsv.Read(Path.Combine(plan.Checkpoints.Directory, MetricsCsv.FileName));
        Assert.Equal(Enumerable.Range(1, 12).Select(step => (long)step), rows.Select(row => row.Step));
    }

    [Fact]
    public void Run_KeepsTheEpochWithTheLowestValidationLoss_AsALoadableCheckpointInBest()
    {
        // Given a tiny model for three epochs
        using var temp = new TempDirectory();
        var plan = Plans.Tiny(temp.Combine("ckpt"), epochs: 3);

        // When it trains
        var (_, events) = Run(plan);

        // Then best/ holds the best validation's step, and generation can load it
        var best = events.OfType<ValidationCompleted>().MinBy(v => v.Loss)!;
        var reader = new CheckpointReader(Path.Combine(plan.Checkpoints.Directory, BestCheckpoint.FolderName));
        var checkpoint = reader.LoadForInference(TokenizerPlugins.Catalog);
        Assert.Equal(best.Step, checkpoint.Manifest.Step);
        Assert.Equal(CheckpointManifest.CurrentFormatVersion, checkpoint.Manifest.FormatVersion);
        Assert.Contains(events, e => e is BestCheckpointSaved saved && saved.Step == best.Step);
    }

    [Fact]
    public void Run_WritesTensorBoardScalars_WhenAFolderIsSet()
    {
        // Given a run with a TensorBoard folder
        using var temp = new TempDirectory();
        var plan = Plans.Tiny(temp.Combine("ckpt"), epochs: 1) with { TensorBoardDirectory = temp.Combine("tb") };

        // When it trains an epoch
        Run(plan);

        // Then an event file holds the training and validation scalars
        var file = Assert.Single(Directory.GetFiles(temp.Combine("tb"), "events.out.tfevents.*"));
        var bytes = Encoding.ASCII.GetString(File.ReadAllBytes(file));
        Assert.Contains(TensorBoardLog.TrainingLoss, bytes);
        Assert.Contains(TensorBoardLog.ValidationLoss, bytes);
        Assert.Contains(TensorBoardLog.LearningRate, bytes);
    }

    [Fact]
    public void Run_WarnsAndStillSavesTheCheckpoint_WhenMetricsAndBestCannotBeWritten()
    {
        // Given a checkpoint folder where metrics.csv is a folder and best is a file
        using var temp = new TempDirectory();
        var plan = Plans.Tiny(temp.Combine("ckpt"), epochs: 1);
        Directory.CreateDirectory(Path.Combine(plan.Checkpoints.Directory, MetricsCsv.FileName));
        File.WriteAllText(Path.Combine(plan.Checkpoints.Directory, BestCheckpoint.FolderName), "mine");

        // When it trains an epoch
        var (result, events) = Run(plan);

        // Then each failure is one warning, and the run completes with its checkpoint
        var warnings = events.OfType<RecordFailed>().Select(failed => failed.Message).ToList();
        Assert.Single(warnings, message => message.Contains(MetricsCsv.FileName));
        Assert.Single(warnings, message => message.Contains("best checkpoint"));
        Assert.True(result.Succeeded);
        Assert.Equal(result.Steps, new CheckpointStore(plan.Checkpoints.Directory).Load(TokenizerPlugins.Catalog).Manifest.Step);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(plan.Checkpoints.Directory, BestCheckpoint.FolderName)));
    }

    [Fact]
    public void Run_StopsEarlyAndSaves_WhenAnEpochDoesNotBeatTheBestValidation()
    {
        // Given a tiny model that overfits its tiny corpus, with a patience of one epoch
        using var temp = new TempDirectory();
        var plan = Plans.Tiny(temp.Combine("ckpt"), epochs: 40) with { EarlyStoppingPatience = 1 };

        // When it trains
        var (result, events) = Run(plan);

        // Then it stops at the first epoch no better than the best before it, saved, and says why
        var losses = events.OfType<ValidationCompleted>().Select(v => v.Loss).ToList();
        Assert.Equal(StopReason.EarlyStopped, result.Reason);
        Assert.True(result.Succeeded);
        Assert.True(losses[^1] >= losses[..^1].Min(), string.Join(", ", losses));
        Assert.All(Enumerable.Range(1, losses.Count - 2), i => Assert.True(losses[i] < losses[..i].Min()));
        Assert.Equal(result.Steps, result.CheckpointStep);
    }

    [Theory]
    [InlineData(new[] { 5.0, 4.0, 4.5, 4.2 }, 2, true)]
    [InlineData(new[] { 5.0, 4.0, 4.5, 3.9 }, 2, false)]
    [InlineData(new[] { 5.0, 4.0, 4.0 }, 1, true)]
    [InlineData(new[] { 5.0, 6.0, 7.0 }, null, false)]
    public void EarlyStopping_IsDue_AfterPatienceEpochsWithoutABetterValidation(double[] losses, int? patience, bool due)
    {
        // Given a validation history, When the rule reads it, Then it stops only after that many epochs without improvement
        var history = losses.Select((loss, i) => new ValidationPoint { Step = i + 1, Epoch = i + 1, Loss = loss, Perplexity = Math.Exp(loss) }).ToList();
        Assert.Equal(due, EarlyStopping.IsDue(history, patience));
    }

    private static (TrainingResult Result, List<TrainingEvent> Events) Run(TrainingPlan plan)
    {
        using var trainer = Trainer.Start(plan);
        var events = new List<TrainingEvent>();
        var result = trainer.Run(new SynchronousProgress<TrainingEvent>(events.Add), CancellationToken.None);
        return (result, events);
    }
}
