using LstmTerminal.Torch.Training;
using Microsoft.Extensions.Time.Testing;

namespace LstmTerminal.Torch.Tests.Training;

public sealed class RunClockTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TokensPerSecond_CountsOnlyTheStepsOfThisRun()
    {
        // Given a run resumed at step 100, with 500 tokens a step
        var clock = new RunClock(_time, startStep: 100, tokensPerStep: 500, timeBudget: null);

        // When 10 steps took 2 seconds
        _time.Advance(TimeSpan.FromSeconds(2));

        // Then it trained 2,500 tokens a second, and nothing before its first step
        Assert.Equal(2500, clock.TokensPerSecond(110, clock.Elapsed));
        Assert.Equal(0, clock.TokensPerSecond(100, clock.Elapsed));
    }

    [Fact]
    public void Eta_IsTheStepsToGo_AtThePaceSoFar()
    {
        // Given 10 steps in 10 seconds
        var clock = new RunClock(_time, startStep: 0, tokensPerStep: 500, timeBudget: null);
        _time.Advance(TimeSpan.FromSeconds(10));

        // Then 30 steps to go take 30 seconds, and none to go take none
        Assert.Equal(TimeSpan.FromSeconds(30), clock.Eta(step: 10, totalSteps: 40, clock.Elapsed));
        Assert.Equal(TimeSpan.Zero, clock.Eta(step: 10, totalSteps: 5, clock.Elapsed));
    }

    [Fact]
    public void Eta_IsWhatIsLeftOfTheBudget_WhenThatEndsTheRunFirst()
    {
        // Given 10 steps in 10 seconds and a budget of 15
        var clock = new RunClock(_time, startStep: 0, tokensPerStep: 500, timeBudget: TimeSpan.FromSeconds(15));
        _time.Advance(TimeSpan.FromSeconds(10));

        // Then the budget's 5 seconds end the run before its steps do, and a spent budget leaves none
        Assert.Equal(TimeSpan.FromSeconds(5), clock.Eta(step: 10, totalSteps: 40, clock.Elapsed));
        Assert.Equal(TimeSpan.Zero, clock.Eta(step: 10, totalSteps: 40, TimeSpan.FromSeconds(20)));
    }
}
