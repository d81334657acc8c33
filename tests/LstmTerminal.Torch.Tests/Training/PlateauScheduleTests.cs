using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

public sealed class PlateauScheduleTests
{
    [Fact]
    public void Validated_LowersTheRate_OnlyAfterAValidationNoBetterThanTheBest()
    {
        // Given a rate of 0.1 halved on a plateau
        var schedule = new PlateauSchedule(0.1, decay: 0.5, history: []);

        // When validations improve, stall, improve and tie the best
        bool[] lowered = [schedule.Validated(4.0), schedule.Validated(3.0), schedule.Validated(3.5), schedule.Validated(2.0), schedule.Validated(2.0)];

        // Then the rate was halved after the stall and after the tie
        Assert.Equal([false, false, true, false, true], lowered);
        Assert.Equal(0.025, schedule.LearningRate, 12);
    }

    [Fact]
    public void Validated_KeepsTheRate_WhenTheDecayIsOne()
    {
        // Given a decay of 1
        var schedule = new PlateauSchedule(0.1, decay: 1.0, history: []);

        // Then neither a better nor a worse validation changes the rate
        Assert.False(schedule.Validated(3.0));
        Assert.False(schedule.Validated(5.0));
        Assert.Equal(0.1, schedule.LearningRate);
    }

    [Fact]
    public void Validated_ComparesWithTheValidationsOfTheRunItResumes()
    {
        // Given a resumed run whose best validation was 2.5, at the rate it had lowered to
        var schedule = new PlateauSchedule(0.05, decay: 0.5, history: [Point(1, 3.0), Point(2, 2.5)]);

        // When its next validation is 2.7
        var lowered = schedule.Validated(2.7);

        // Then that is a plateau, and the rate goes on from where it was
        Assert.True(lowered);
        Assert.Equal(0.025, schedule.LearningRate, 12);
    }

    private static ValidationPoint Point(int epoch, double loss) =>
        new() { Step = 10 * epoch, Epoch = epoch, Loss = loss, Perplexity = Math.Exp(loss) };
}
