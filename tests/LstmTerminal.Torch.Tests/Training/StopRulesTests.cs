using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

public sealed class StopRulesTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(10);

    [Fact]
    public void Before_LetsTheStepRun_WithinTheLimitAndTheBudget()
    {
        var rules = new StopRules(maxSteps: 100, Budget);

        Assert.Null(rules.Before(step: 99, elapsed: Budget - TimeSpan.FromSeconds(1), CancellationToken.None));
    }

    [Fact]
    public void Before_StopsAtTheStepLimit_AndAtTheEndOfTheBudget()
    {
        var rules = new StopRules(maxSteps: 100, Budget);

        Assert.Equal(StopReason.StepLimit, rules.Before(step: 100, elapsed: TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(StopReason.TimeBudget, rules.Before(step: 5, elapsed: Budget, CancellationToken.None));
    }

    [Fact]
    public void Before_PutsCancellationFirst()
    {
        var rules = new StopRules(maxSteps: 100, Budget);

        Assert.Equal(StopReason.Cancelled, rules.Before(step: 100, elapsed: Budget, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Before_NeverStops_WithoutALimitOrABudget()
    {
        var rules = new StopRules(maxSteps: null, timeBudget: null);

        Assert.Null(rules.Before(step: long.MaxValue - 1, elapsed: TimeSpan.MaxValue, CancellationToken.None));
    }

    [Theory]
    [InlineData(3.5, false)]
    [InlineData(700, false)]
    [InlineData(800, true)]
    [InlineData(double.NaN, true)]
    [InlineData(double.PositiveInfinity, true)]
    public void HasDiverged_WhenThePerplexityIsNoLongerANumber(double loss, bool diverged)
    {
        Assert.Equal(diverged, StopRules.HasDiverged(loss));
    }

    [Fact]
    public void Diverged_SaysTheCheckpointWasKept_AndWhatToLower()
    {
        var problem = StopRules.Diverged("The training loss became NaN at step 3");

        Assert.StartsWith("The training loss became NaN at step 3: training diverged and stopped", problem);
        Assert.Contains("Training:LearningRate", problem);
    }
}
