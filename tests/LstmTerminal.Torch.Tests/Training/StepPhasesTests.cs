using LstmTerminal.Core;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

public sealed class StepPhasesTests
{
    [Fact]
    public void Trainer_TimesEveryPhaseOfItsSteps_WithinTheRunsTime()
    {
        // Given a tiny trainer asked for its step phases
        using var temp = new TempDirectory();
        using var trainer = Trainer.Start(Plans.Tiny(temp.Combine("ckpt"), maxSteps: 5));
        var phases = trainer.Phases = new StepPhases();

        // When it trains five steps
        var result = trainer.Run(new SynchronousProgress<TrainingEvent>(_ => { }), CancellationToken.None);

        // Then each phase took some time, and together no more than the run
        var seconds = Enum.GetValues<StepPhase>().Select(phases.Seconds).ToArray();
        Assert.All(seconds, s => Assert.True(s > 0, string.Join(", ", seconds)));
        Assert.True(seconds.Sum() <= result.Elapsed.TotalSeconds, $"{seconds.Sum()} s of phases in a {result.Elapsed.TotalSeconds} s run");
    }

    [Fact]
    public void Reset_ForgetsThePhasesTimedSoFar()
    {
        // Given phases timed over two steps
        using var temp = new TempDirectory();
        using var trainer = Trainer.Start(Plans.Tiny(temp.Combine("ckpt"), maxSteps: 2));
        var phases = trainer.Phases = new StepPhases();
        trainer.Run(new SynchronousProgress<TrainingEvent>(_ => { }), CancellationToken.None);

        // When they are reset
        phases.Reset();

        // Then nothing is counted
        Assert.All(Enum.GetValues<StepPhase>(), phase => Assert.Equal(0, phases.Seconds(phase)));
    }
}
