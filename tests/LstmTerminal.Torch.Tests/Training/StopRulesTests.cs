using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

public sealed class StopRulesTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(10);

    [Fact]
    public void Before_LetsTheStepRun_WithinTheLimitAndTheBudget()
    {
        // Given a step limit of 100 and a budget
        var rules = new StopRules(maxSteps: 100, Budget);

        // Then step 100 may run a second before the budget ends
        Assert.Null(rules.Before(step: 99, elapsed: Budget - TimeSpan.FromSeconds(1), CancellationToken.None));
    }

    [Fact]
    public void Before_StopsAtTheStepLimit_AndAtTheEndOfTheBudget()
    {
        // Given a step limit of 100 and a budget
        var rules = new StopRules(maxSteps: 100, Budget);

        // Then the run stops after step 100, and when the budget is spent
        Assert.Equal(StopReason.StepLimit, rules.Before(step: 100, elapsed: TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(StopReason.TimeBudget, rules.Before(step: 5, elapsed: Budget, CancellationToken.None));
    }

    [Fact]
    public void Before_PutsCancellationFirst()
    {
        // Given a run at its step limit and its budget
        var rules = new StopRules(maxSteps: 100, Budget);

        // When it is also cancelled, then cancellation is the reason
        Assert.Equal(StopReason.Cancelled, rules.Before(step: 100, elapsed: Budget, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Before_NeverStops_WithoutALimitOrABudget()
    {
        // Given no limit and no budget
        var rules = new StopRules(maxSteps: null, timeBudget: null);

        // Then only the epochs end the run
        Assert.Null(rules.Before(step: long.MaxValue - 1, elapsed: TimeSpan.MaxValue, CancellationToken.None));
    }

    [Theory]
    [InlineData(3.5, false)]
    [InlineData(700, false)]
    [InlineData(800, true)]
    [InlineData(double.NaN, true)]
    [InlineData(double.PositiveInfinity, true)]
    public void HasDiverged_IsTrue_WhenThePerplexityIsNoLongerANumber(double loss, bool diverged)
    {
        // Then exp(loss) past double's range, or not a number, is divergence
        Assert.Equal(diverged, StopRules.HasDiverged(loss));
    }

    [Fact]
    public void Diverged_SaysTheCheckpointWasKept_AndWhatToLower()
    {
        // When the problem is worded
        var problem = StopRules.Diverged("The training loss became NaN at step 3");

        // Then it says what happened, that the checkpoint was kept, and which setting to lower
        Assert.StartsWith("The training loss became NaN at step 3: training diverged and stopped", problem);
        Assert.Contains("Training:LearningRate", problem);
    }
}
