using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

public sealed class CosineScheduleTests
{
    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(50, 0.055)]
    [InlineData(100, 0.01)]
    [InlineData(150, 0.01)]
    public void BeforeStep_FollowsHalfACosineToTheFloor_OverTheSteps(long step, double expected)
    {
        // Given a rate of 0.1 falling to a tenth of itself over 100 steps, no time budget
        var schedule = new CosineSchedule(0.1, new CosineDecay(0.1), totalSteps: 100, timeBudget: null);

        // When the step comes
        var changed = schedule.BeforeStep(step, TimeSpan.FromHours(1));

        // Then the rate is on the curve: the peak at the start, midway at half, the floor at and past the end
        Assert.True(changed);
        Assert.Equal(expected, schedule.LearningRate, 12);
    }

    [Fact]
    public void BeforeStep_FollowsTheTimeBudget_WhenItEndsTheRunBeforeTheSteps()
    {
        // Given endless steps and a budget of ten minutes
        var schedule = new CosineSchedule(0.1, new CosineDecay(0.0), totalSteps: 1_000_000, timeBudget: TimeSpan.FromMinutes(10));

        // When a quarter of the budget is spent after a handful of steps
        schedule.BeforeStep(10, TimeSpan.FromMinutes(2.5));

        // Then the rate is where a quarter of the run puts it
        Assert.Equal(0.1 * 0.5 * (1 + Math.Cos(Math.PI / 4)), schedule.LearningRate, 12);
    }

    [Fact]
    public void Validated_NeverLowersTheRate()
    {
        // Given a cosine schedule partway through
        var schedule = new CosineSchedule(0.1, new CosineDecay(0.1), totalSteps: 100, timeBudget: null);
        schedule.BeforeStep(30, TimeSpan.Zero);
        var before = schedule.LearningRate;

        // When validations get worse
        bool[] lowered = [schedule.Validated(3.0), schedule.Validated(4.0)];

        // Then only the steps move the rate
        Assert.Equal([false, false], lowered);
        Assert.Equal(before, schedule.LearningRate);
    }
}
