using LstmTerminal.Core;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Training;
using Microsoft.Extensions.Logging;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Core.Workflow;

namespace LstmTerminal.Torch.Workflow;

/// <summary>
/// One interactive session, UI-free: open a checkpoint (paused) or load the corpus and start training; pause,
/// resume and save on request; hand out generators; stop with a saved checkpoint. Pausing cancels the run (the
/// trainer saves on cancel) and resuming runs the same trainer again, which keeps its step, epoch and window.
/// Everything it learns goes to <paramref name="events"/>, reported on whichever thread it happens.
/// </summary>
public sealed class TrainingSession(
    CorpusLoader loader,
    TrainingPlanner planner,
    PluginCatalog catalog,
    CorpusOptions corpusOptions,
    TrainingOptions trainingOptions,
    SamplingOptions samplingOptions,
    IProgress<SessionEvent> events,
    ILogger logger) : IGeneratorSource, IAsyncDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private Task _open = Task.CompletedTask;
    private Task _run = Task.CompletedTask;
    private CancellationTokenSource? _runCancel;
    private Trainer? _trainer;
    private LoadedCheckpoint? _checkpoint;
    private CheckpointStore? _store;
    private FolderLock? _folderLock;
    private TrainingEvent? _lastSave;
    private bool _finished;
    private CheckpointStore? _unreadable;
    private bool _stopped;

    /// <summary>Starts opening in the background; the outcome arrives as events.</summary>
    public void Open(CancellationToken cancellationToken)
    {
        var token = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token).Token;
        lock (_gate)
        {
            _open = Task.Run(() => OpenAsync(token), CancellationToken.None);
        }
    }

    /// <summary>Pauses a running trainer, or resumes a paused one. Returns false when there is nothing to toggle.</summary>
    public bool ToggleTraining()
    {
        lock (_gate)
        {
            if (!_run.IsCompleted)
            {
                Pause();
                return true;
            }

            if (_unreadable is { } store && _open.IsCompleted && !_stopped)
            {
                StartFreshBeside(store);
                return true;
            }

            return Resume();
        }
    }

    /// <summary>Saves after the current step while training; when paused, the pause already saved.</summary>
    public void SaveNow()
    {
        lock (_gate)
        {
            if (_trainer is null)
            {
                Report(new SessionNotice("Nothing to save yet: no model has been trained or loaded."));
            }
            else if (!_run.IsCompleted)
            {
                _trainer.RequestSave();
                Report(new SessionNotice("Saving a checkpoint after the current step."));
            }
            else
            {
                Report(new SessionNotice($"The checkpoint is up to date (step {_trainer.Step}); pausing saves it."));
            }
        }
    }

    public Generator? TryCreateGenerator()
    {
        lock (_gate)
        {
            if (_trainer is not null)
            {
                return _trainer.CreateGenerator();
            }

            return _checkpoint is null ? null : new Generator(_checkpoint.Model.ExportWeights(), _checkpoint.Vocabulary);
        }
    }

    /// <summary>
    /// Cancels loading and training and waits for the trainer's save-on-cancel; returns what became of the session's
    /// last save (<see cref="CheckpointSaved"/> or <see cref="CheckpointFailed"/>), or null if it attempted none.
    /// </summary>
    public async Task<TrainingEvent?> StopAsync()
    {
        Task open, run;
        lock (_gate)
        {
            _stopped = true;
            open = _open;
            run = _run;
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        await open.ConfigureAwait(false);
        await run.ConfigureAwait(false);
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
            _trainer?.Dispose();
            _trainer = null;
            _checkpoint?.Model.Dispose();
            _checkpoint = null;
            _folderLock?.Dispose();
            _folderLock = null;
        }

        _runCancel?.Dispose();
        _lifetime.Dispose();
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            CheckpointStore store;
            lock (_gate)
            {
                // The session trains into the folder, so it is its only writer from the start; a second one is refused here.
                store = _store ??= new CheckpointStore(trainingOptions.CheckpointDirectory);
                _folderLock ??= store.Lock();
            }

            var checkpoint = OpenCheckpoint(store);
            var sampler = TrainingSamples.Sampler(catalog, samplingOptions.Sampler, change => Report(new PluginReplaced(change.Message)), out var samplesNotice);
            if (samplesNotice is not null)
            {
                Report(new SessionNotice(samplesNotice));
            }

            Report(new PhaseChanged(SessionPhase.LoadingCorpus, $"loading the {corpusOptions.ProviderToLoad} corpus"));
            var progress = new CallbackProgress<CorpusLoadProgress>(p => Report(new CorpusLoading(p)));
            var request = new CorpusRequest(corpusOptions.Path) { RecordedSource = checkpoint?.Manifest.Corpus };
            var corpus = await loader.LoadOrFallBackAsync(corpusOptions.ProviderToLoad, request, message => Report(new PluginReplaced(message)), progress, cancellationToken)
                .ConfigureAwait(false);
            foreach (var notice in corpus.Notices)
            {
                Report(new SessionNotice(notice));
            }

            Report(new PhaseChanged(SessionPhase.Preparing, "building the vocabulary and the model"));
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                // The resumed trainer takes over the checkpoint's model, so generation switches to the trainer here.
                _trainer = checkpoint is null ? planner.StartFresh(corpus, sampler, store) : planner.Resume(corpus, checkpoint, sampler);
                _checkpoint = null;
                var prepared = _trainer.Corpus;
                Report(new TrainerReady(
                    corpus.Title, prepared.WordCount, prepared.Vocabulary.Count, prepared.UnknownRate, _trainer.StepsPerEpoch, trainingOptions.Epochs,
                    _trainer.Step, _trainer.TotalSteps, [.. _trainer.LossHistory], [.. _trainer.ValidationHistory]));
                if (checkpoint is not null)
                {
                    Report(new PhaseChanged(SessionPhase.Paused, $"checkpoint loaded at step {_trainer.Step}; F2 resumes training"));
                }
                else
                {
                    Resume();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Report(new PhaseChanged(SessionPhase.Paused, "stopped while starting"));
        }
        catch (Exception e) when (e is CorpusUnavailableException or CorpusPluginFaultException or PluginNotFoundException or InsufficientDataException or CheckpointException)
        {
            logger.LogWarning("Session could not start: {Message}", e.Message);
            Report(new PhaseChanged(SessionPhase.Failed, e.Message));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Session failed to start");
            Report(new PhaseChanged(SessionPhase.Failed, $"Unexpected failure: {Sentence.Close(e.Message)}{LogPointer.Details(logger)} Restart the app to try again."));
        }
    }

    /// <summary>Reads the checkpoint if the folder has one, so phrases can be completed before the corpus is ready.</summary>
    private LoadedCheckpoint? OpenCheckpoint(CheckpointStore store)
    {
        if (!store.Exists)
        {
            return null;
        }

        Report(new PhaseChanged(SessionPhase.LoadingCheckpoint, $"reading {store.Directory}"));
        LoadedCheckpoint checkpoint;
        try
        {
            checkpoint = store.Load();
        }
        catch (CheckpointException e)
        {
            lock (_gate)
            {
                _unreadable = store;
            }

            throw new CheckpointException(
                $"{e.Message} Press F2 to set that checkpoint aside (moved into a subfolder, nothing deleted) and train from scratch, or move it yourself, or set Training:CheckpointDirectory to another folder.", e);
        }

        lock (_gate)
        {
            _checkpoint = checkpoint;
        }

        var manifest = checkpoint.Manifest;
        Report(new CheckpointOpened(store.Directory, manifest.Step, manifest.LossHistory, manifest.ValidationHistory));
        return checkpoint;
    }

    /// <summary>Renames the unreadable checkpoint aside and opens again, which now trains from scratch; the caller holds <see cref="_gate"/>.</summary>
    private void StartFreshBeside(CheckpointStore store)
    {
        try
        {
            var aside = store.SetAside();
            _unreadable = null;
            Report(new SessionNotice($"The unreadable checkpoint was moved to {aside}; training from scratch."));
            _open = Task.Run(() => OpenAsync(_lifetime.Token), CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(new SessionNotice($"Could not move {store.Directory} aside: {e.Message} Move it yourself and restart."));
        }
    }

    /// <summary>Runs the trainer again from where it stopped; the caller holds <see cref="_gate"/>.</summary>
    private bool Resume()
    {
        if (_trainer is null || _finished || _stopped)
        {
            if (_finished)
            {
                Report(new SessionNotice("Training has finished; raise Training:Epochs or Training:MaxSteps and restart to train further."));
            }

            return false;
        }

        _runCancel?.Dispose();
        _runCancel = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        // The corpus is named here too, so a run on a stand-in (e.g. the bundled text when offline) says so where the eye is.
        Report(new PhaseChanged(SessionPhase.Training, $"from step {_trainer.Step} on {_trainer.Corpus.Title}"));
        _run = RunAsync(_trainer, _runCancel.Token);
        return true;
    }

    private void Pause()
    {
        Report(new PhaseChanged(SessionPhase.Pausing, "finishing the current step, then saving"));
        _runCancel?.Cancel();
    }

    private async Task RunAsync(Trainer trainer, CancellationToken cancellationToken)
    {
        try
        {
            var result = await trainer.RunAsync(new CallbackProgress<TrainingEvent>(OnTrainingEvent), cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _finished = result.Reason is StopReason.Completed or StopReason.StepLimit or StopReason.TimeBudget;
            }

            Report(result switch
            {
                { Reason: StopReason.Diverged } => new PhaseChanged(SessionPhase.Failed, result.Problem ?? "training stopped"),
                { SaveProblem: { } saveProblem } => new PhaseChanged(SessionPhase.Failed, $"Training stopped at step {result.Steps}, but the checkpoint was NOT saved: {saveProblem}"),
                { Reason: StopReason.Cancelled } => new PhaseChanged(SessionPhase.Paused, $"at step {result.Steps}, checkpoint saved; F2 resumes"),
                _ => new PhaseChanged(SessionPhase.Finished, $"at step {result.Steps}; the console keeps working"),
            });
        }
        catch (Exception e)
        {
            logger.LogError(e, "Training failed");
            Report(new PhaseChanged(SessionPhase.Failed, $"Training failed: {Sentence.Close(e.Message)} The last checkpoint is kept.{LogPointer.Details(logger)}"));
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

    private void Report(SessionEvent sessionEvent) => events.Report(sessionEvent);
}
