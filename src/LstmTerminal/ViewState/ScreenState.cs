using LstmTerminal.Interactive;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Torch.Workflow;
using LstmTerminal.Torch.Training;
using LstmTerminal.Wording;

namespace LstmTerminal.ViewState;

/// <summary>
/// Routes the session's events, from whatever thread, into the small state objects the views read, in the words of
/// <see cref="SessionWording"/>.
/// </summary>
public sealed class ScreenState : IProgress<SessionEvent>
{
    public TrainingStatus Status { get; } = new();

    public LossHistory Losses { get; } = new();

    public SampleLog Samples { get; } = new();

    public ConsoleTranscript Transcript { get; } = new();

    public void Report(SessionEvent value)
    {
        switch (value)
        {
            case PhaseChanged changed:
                var detail = SessionWording.Detail(changed);
                Status.Apply(changed.Phase, detail);
                if (changed.Phase == SessionPhase.Failed)
                {
                    Transcript.AddError(detail);
                }

                break;
            case CorpusLoading loading:
                Status.Apply(loading);
                break;
            case CheckpointOpened opened:
                Status.Apply(opened, Losses.Reset(opened.LossHistory, opened.ValidationHistory));
                Transcript.AddNotice($"Loaded the checkpoint in {opened.Directory} (step {opened.Step}); type a phrase to continue it.");
                break;
            case TrainerReady ready:
                Status.Apply(ready, Losses.Reset(ready.LossHistory, ready.ValidationHistory));
                break;
            case TrainerReported { Event: StepCompleted step }:
                Status.Apply(step, Losses.Add(step.Step, step.Loss));
                break;
            case TrainerReported { Event: ValidationCompleted validation }:
                Status.Apply(validation);
                Losses.AddValidation(validation.Step, validation.Loss);
                break;
            case TrainerReported { Event: SamplesGenerated samples }:
                Samples.Add(samples);
                break;
            case TrainerReported { Event: CheckpointSaved saved }:
                Status.Apply(saved);
                break;
            case TrainerReported { Event: CheckpointFailed failed }:
                Transcript.AddError(failed.Message);
                break;
            case TrainerReported { Event: RecordFailed failed }:
                Transcript.AddError(failed.Message);
                break;
            case SessionNotice notice:
                Transcript.AddNotice(SessionWording.Notice(notice));
                break;
            case SamplerReplaced replaced:
                Transcript.AddError(replaced.Switch.Message);
                break;
            case CorpusReplaced replaced:
                Transcript.AddError(CorpusWording.Fallback(replaced.Fallback));
                break;
        }
    }
}
