using LstmTerminal.Core;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Game;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Training;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Torch.Workflow;

/// <summary>
/// One interactive session, UI-free: open a checkpoint (paused) or load the corpus and start training; pause,
/// resume and save on request; hand out generators; stop with a saved checkpoint. Pausing cancels the run (the
/// trainer saves on cancel) and resuming runs the same trainer again, which keeps its step, epoch and position.
/// Its <see cref="PhaseMachine"/> decides what each request may do. Everything it learns goes to
/// <paramref name="events"/> as reasons and data, reported on whichever thread it happens. The steps of opening are in
/// TrainingSession.Opening.cs; requests, training runs and the end of the session are here.
/// </summary>
public sealed partial class TrainingSession(
    CorpusLoader loader,
    TrainingPlanner planner,
    PluginCatalog catalog,
    CorpusOptions corpusOptions,
    TextOptions textOptions,
    TrainingOptions trainingOptions,
    SamplingOptions samplingOptions,
    IProgress<SessionEvent> events,
    ILogger logger) : IGeneratorSource, IGameTextSource, IAsyncDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private readonly PhaseMachine _phases = new(events.Report);
    private readonly BackgroundWork _work = new();
    private readonly SessionInputs _inputs = new(loader, catalog, corpusOptions, textOptions, samplingOptions, events);
    private readonly CheckpointStore _store = new(trainingOptions.CheckpointDirectory);

    // Held from the first opening to disposal, whatever the phase: the session is the folder's only writer.
    private FolderLock? _folderLock;
    private TrainingEvent? _lastSave;

    /// <summary>Starts opening in the background; the outcome arrives as events.</summary>
    public void Open(CancellationToken cancellationToken)
    {
        var token = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token).Token;
        lock (_gate)
        {
            _phases.Open();
            _work.Start(() => OpenAsync(token));
        }
    }

    /// <summary>
    /// Pauses a running trainer, resumes a paused one, or sets an unreadable checkpoint aside and trains from scratch.
    /// Returns false when there is nothing to toggle.
    /// </summary>
    public bool ToggleTraining()
    {
        lock (_gate)
        {
            switch (_phases.Stage)
            {
                case SessionStage.Pausing:
                    return true;
                case SessionStage.Training:
                    _phases.Pause();
                    return true;
                case SessionStage.CheckpointUnreadable unreadable when !_lifetime.IsCancellationRequested:
                    SetAside(unreadable.Store);
                    return true;
                case SessionStage.Finished or SessionStage.RunFailed { RunFinished: true }:
                    Report(new SessionNotice(NoticeReason.TrainingHasFinished));
                    return false;
            }

            if (!_phases.Allows(SessionTransition.ResumeTraining) || _lifetime.IsCancellationRequested)
            {
                return false;
            }

            var run = NewRun();
            Run(_phases.ResumeTraining(run), run);
            return true;
        }
    }

    /// <summary>Saves after the current step while training; when paused, the pause already saved.</summary>
    public void SaveNow()
    {
        lock (_gate)
        {
            switch (_phases.Stage)
            {
                case SessionStage.WithTrainer { Phase: SessionPhase.Training or SessionPhase.Pausing } running:
                    running.Trainer.RequestSave();
                    Report(new SessionNotice(NoticeReason.SavingAfterStep));
                    break;
                case SessionStage.WithTrainer idle:
                    Report(new SessionNotice(NoticeReason.CheckpointUpToDate) { Step = idle.Trainer.Step });
                    break;
                default:
                    Report(new SessionNotice(NoticeReason.NothingToSave));
                    break;
            }
        }
    }

    public Generator? TryCreateGenerator()
    {
        lock (_gate)
        {
            return _phases.Stage switch
            {
                SessionStage.WithTrainer { Trainer: var trainer } => trainer.CreateGenerator(),
                SessionStage.BeforeTrainer { Checkpoint: { } checkpoint } => new Generator(checkpoint.Model.ExportWeights(), checkpoint.Vocabulary),
                _ => null,
            };
        }
    }

    public GameText? TryGetGameText()
    {
        lock (_gate)
        {
            return _phases.Stage is SessionStage.WithTrainer { Trainer.Corpus: var corpus } ? new GameText(corpus.ValidationText, corpus.Vocabulary) : null;
        }
    }

    /// <summary>
    /// Cancels loading and training and waits for the trainer's save-on-cancel; returns what became of the session's
    /// last save (<see cref="CheckpointSaved"/> or <see cref="CheckpointFailed"/>), or null if it attempted none.
    /// </summary>
    public async Task<TrainingEvent?> StopAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        await _work.IdleAsync().ConfigureAwait(false);
        lock (_gate)
        {
            return _lastSave;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        lock (_gate)
        {
            switch (_phases.Close())
            {
                case SessionStage.WithTrainer { Trainer: var trainer }:
                    trainer.Dispose();
                    break;
                case SessionStage.BeforeTrainer { Checkpoint: { } checkpoint }:
                    checkpoint.Model.Dispose();
                    break;
            }

            _folderLock?.Dispose();
            _folderLock = null;
        }

        _lifetime.Dispose();
    }

    /// <summary>A run ends with the session, or earlier when paused.</summary>
    private CancellationTokenSource NewRun() => CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);

    private void Run(Trainer trainer, CancellationTokenSource run) => _work.Start(() => RunAsync(trainer, run));

    private async Task RunAsync(Trainer trainer, CancellationTokenSource run)
    {
        using (run)
        {
            try
            {
                var result = await trainer.RunAsync(new CallbackProgress<TrainingEvent>(OnTrainingEvent), run.Token).ConfigureAwait(false);
                Move(phases => EndRun(phases, result));
            }
            catch (Exception e)
            {
                logger.LogError(e, "Training failed");
                Move(phases => phases.CrashRun(e, LogPointer.IsWritten(logger)));
            }
        }
    }

    /// <summary>Moves the phase on by how the run ended.</summary>
    private static void EndRun(PhaseMachine phases, TrainingResult result)
    {
        if (result.Reason == StopReason.Diverged)
        {
            phases.Diverge(result.Steps, result.Problem);
        }
        else if (result.SaveProblem is { } saveProblem)
        {
            phases.FailSave(result.Steps, saveProblem, runFinished: result.Reason != StopReason.Cancelled);
        }
        else if (result.Reason == StopReason.Cancelled)
        {
            phases.StopRun(result.Steps);
        }
        else
        {
            phases.FinishRun(result.Steps, early: result.Reason == StopReason.EarlyStopped);
        }
    }

    private void OnTrainingEvent(TrainingEvent trainingEvent)
    {
        if (trainingEvent is CheckpointSaved or CheckpointFailed)
        {
            lock (_gate)
            {
                _lastSave = trainingEvent;
            }
        }

        Report(new TrainerReported(trainingEvent));
    }

    /// <summary>Takes a transition of the phase machine under the session's lock.</summary>
    private void Move(Action<PhaseMachine> transition)
    {
        lock (_gate)
        {
            transition(_phases);
        }
    }

    private void Report(SessionEvent sessionEvent) => events.Report(sessionEvent);
}
