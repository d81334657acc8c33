using LstmTerminal.Core;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Tests.Training;

public sealed class TrainingScheduleTests
{
    [Fact]
    public void Run_StopsAndCheckpoints_WhenTheTimeBudgetIsSpent()
    {
        // Given endless epochs and a budget of 300 ms
        using var temp = new TempDirectory();
        var plan = Plans.Tiny(temp.Combine("ckpt"), epochs: 100_000) with { TimeBudget = TimeSpan.FromMilliseconds(300) };
        using var trainer = Trainer.Start(plan);
        var etas = new List<TimeSpan>();

        // When the run trains
        var result = trainer.Run(new SynchronousProgress<TrainingEvent>(e =>
        {
            if (e is StepCompleted step)
            {
                etas.Add(step.Eta);
            }
        }), CancellationToken.None);

        // Then the budget stops it, no ETA reaches past the budget, and the last step is saved
        Assert.Equal(StopReason.TimeBudget, result.Reason);
        Assert.All(etas, eta => Assert.True(eta <= TimeSpan.FromMilliseconds(300), $"ETA {eta} beyond the budget"));
        Assert.InRange(result.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(30));
        var saved = new CheckpointStore(temp.Combine("ckpt")).Load(TokenizerPlugins.Catalog);
        saved.Model.Dispose();
        Assert.Equal(result.Steps, saved.Manifest.Step);
    }

    [Fact]
    public void Run_LowersTheRateOnlyAfterAnEpochThatDidNotImprove_AndTheCheckpointKeepsIt()
    {
        // Given a rate high enough that validation loss stalls on the tiny corpus
        using var temp = new TempDirectory();
        var plan = Plans.Tiny(temp.Combine("ckpt"), epochs: 12) with { LearningRateDecay = 0.5 };
        plan = plan with { Settings = plan.Settings with { LearningRate = 0.05 } };
        using var trainer = Trainer.Start(plan);
        var events = new List<TrainingEvent>();

        trainer.Run(new SynchronousProgress<TrainingEvent>(events.Add), CancellationToken.None);

        // Then each lowering follows a validation no better than the best before it, and halves the rate
        var lowered = events.OfType<LearningRateLowered>().ToList();
        Assert.NotEmpty(lowered);
        var validations = events.OfType<ValidationCompleted>().ToList();
        foreach (var change in lowered)
        {
            var index = validations.FindIndex(v => v.Step == change.Step);
            Assert.True(validations[index].Loss >= validations.Take(index).Min(v => v.Loss));
        }

        Assert.Equal(0.05 * Math.Pow(0.5, lowered.Count), lowered[^1].LearningRate, 12);
        var saved = new CheckpointStore(temp.Combine("ckpt")).Load(TokenizerPlugins.Catalog);
        saved.Model.Dispose();
        Assert.Equal(lowered[^1].LearningRate, saved.Manifest.LearningRate);
    }

    [Fact]
    public void Run_FollowsTheCosine_InsteadOfThePlateau_AndTheCheckpointKeepsTheLastStepsRate()
    {
        // Given the run whose validations stall (the plateau test's), on a cosine schedule to a tenth
        using var temp = new TempDirectory();
        var plan = Plans.Tiny(temp.Combine("ckpt"), epochs: 12) with { LearningRateDecay = 0.5, Cosine = new CosineDecay(0.1) };
        plan = plan with { Settings = plan.Settings with { LearningRate = 0.05 } };
        using var trainer = Trainer.Start(plan);
        var events = new List<TrainingEvent>();

        // When the run trains
        trainer.Run(new SynchronousProgress<TrainingEvent>(events.Add), CancellationToken.None);

        // Then no stall lowered the rate, and the saved rate is the cosine's at the last step
        Assert.Empty(events.OfType<LearningRateLowered>());
        var saved = new CheckpointStore(temp.Combine("ckpt")).Load(TokenizerPlugins.Catalog);
        saved.Model.Dispose();
        var last = (double)(trainer.TotalSteps - 1) / trainer.TotalSteps;
        var expected = 0.005 + ((0.05 - 0.005) * 0.5 * (1 + Math.Cos(Math.PI * last)));
        Assert.Equal(expected, saved.Manifest.LearningRate.GetValueOrDefault(), 12);
    }
}
