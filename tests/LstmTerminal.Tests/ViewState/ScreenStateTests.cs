using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Workflow;
using LstmTerminal.ViewState;
using LstmTerminal.Torch.Workflow;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Tests.ViewState;

public sealed class ScreenStateTests
{
    [Fact]
    public void Steps_feed_the_status_and_a_smoothed_loss_history()
    {
        var state = new ScreenState();

        state.Report(new TrainerReported(Step(1, 6.0)));
        state.Report(new TrainerReported(Step(2, 4.0)));

        var status = state.Status.Snapshot();
        Assert.Equal(2, status.Step);
        Assert.Equal(4.0, status.Loss);
        Assert.Equal(5.8, status.SmoothedLoss!.Value, 6);
        Assert.Equal([6.0, 5.8], state.Losses.Snapshot().Training.Select(p => Math.Round(p.Value, 6)));
    }

    [Fact]
    public void A_resumed_checkpoint_restores_the_chart_and_the_position_in_the_run()
    {
        var state = new ScreenState();

        state.Report(new TrainerReady
        {
            CorpusTitle = "tiny", Words = 100, Tokenizer = "words", VocabularySize = 20, UnknownRate = 0.1, LossyTokenizer = false, StepsPerEpoch = 10, Epochs = 5, Step = 25, TotalSteps = 50,
            LossHistory = [new LossPoint(24, 3.0), new LossPoint(25, 2.0)],
            ValidationHistory = [new ValidationPoint { Step = 20, Epoch = 2, Loss = 2.5, Perplexity = 12.2, BitsPerCharacter = 2.25 }],
        });

        var status = state.Status.Snapshot();
        Assert.Equal((3, 5), (status.Epoch, status.Window));
        Assert.Equal(2.5, status.ValidationLoss);
        Assert.Equal(2.25, status.ValidationBitsPerCharacter);
        Assert.Equal(2.9, status.SmoothedLoss!.Value, 6);
        Assert.Equal(2, state.Losses.Snapshot().Training.Count);
        Assert.Single(state.Losses.Snapshot().Validation);
    }

    [Fact]
    public void Failures_and_failed_saves_reach_the_console_transcript()
    {
        var state = new ScreenState();
        var version = state.Status.Version;

        state.Report(new PhaseChanged(SessionPhase.Failed, PhaseReason.CannotStart, Step: 0) { Error = new CorpusUnavailableException("No network; use Corpus:Provider=text-file.") });
        state.Report(new TrainerReported(new CheckpointFailed(3, "Disk full.")));

        Assert.True(state.Status.Version > version);
        Assert.Equal(SessionPhase.Failed, state.Status.Snapshot().Phase);
        Assert.Equal(["! No network; use Corpus:Provider=text-file.", "! Disk full."], state.Transcript.Snapshot());
    }

    private static StepCompleted Step(long step, double loss) =>
        new()
        {
            Step = step,
            TotalSteps = 100,
            Epoch = 1,
            Epochs = 2,
            StepInEpoch = (int)step,
            StepsPerEpoch = 50,
            Loss = loss,
            TokensPerSecond = 1000,
            Elapsed = TimeSpan.FromSeconds(step),
            Eta = TimeSpan.FromSeconds(100 - step),
        };
}
