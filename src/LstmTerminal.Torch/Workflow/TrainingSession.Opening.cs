using LstmTerminal.Abstractions;
using LstmTerminal.Core;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Training;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Torch.Workflow;

/// <summary>Opening a session: claim the folder, read its checkpoint, load the corpus, build the trainer and begin.</summary>
public sealed partial class TrainingSession
{
    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            lock (_gate)
            {
                // The session trains into the folder, so it is its only writer from the start; a second one is refused here.
                _folderLock ??= _store.Lock();
            }

            if (!TryReadCheckpoint(out var checkpoint))
            {
                return;
            }

            Move(phases => phases.LoadCorpus(corpusOptions.ProviderToLoad, checkpoint));

            var sampler = _inputs.SamplesSampler();
            var corpus = await _inputs.LoadCorpusAsync(checkpoint, cancellationToken).ConfigureAwait(false);
            Move(phases => phases.Prepare());
            var learned = checkpoint is null ? await _inputs.LearnVocabularyAsync(corpus, cancellationToken).ConfigureAwait(false) : null;

            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                // The resumed trainer takes the checkpoint's model over, so generation switches to the trainer here.
                var trainer = checkpoint is null ? planner.StartFresh(corpus, learned!, sampler, _store) : planner.Resume(corpus, checkpoint, sampler);
                if (checkpoint is not null && planner.KeptFrom(checkpoint.Manifest) is { Count: > 0 } kept)
                {
                    Report(new SessionNotice(NoticeReason.SettingsKeptFromCheckpoint) { Kept = kept });
                }

                Begin(trainer, corpus.Title, resumed: checkpoint is not null, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Move(phases => phases.StopStarting());
        }
        catch (Exception e) when (e is CorpusUnavailableException or CorpusPathNotFoundException or CorpusPluginFaultException or CorpusFallbackFailedException
                                      or PluginNotFoundException or InsufficientDataException or CheckpointException or TokenizerException)
        {
            logger.LogWarning("Session could not start: {Message}", e.Message);
            Move(phases => phases.RefuseStart(e));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Session failed to start");
            Move(phases => phases.CrashStart(e, LogPointer.IsWritten(logger)));
        }
    }

    /// <summary>
    /// Reads the folder's checkpoint, if it has one, so phrases can be completed before the corpus is ready. False when
    /// it cannot be read: the session then fails, offering to set it aside.
    /// </summary>
    private bool TryReadCheckpoint(out LoadedCheckpoint? checkpoint)
    {
        checkpoint = null;
        if (!_store.Exists)
        {
            return true;
        }

        Move(phases => phases.ReadCheckpoint(_store.Directory));

        try
        {
            checkpoint = _store.Load(catalog);
        }
        catch (CheckpointException e)
        {
            logger.LogWarning("Session could not start: {Message}", e.Message);
            Move(phases => phases.FindUnreadable(_store, e));
            return false;
        }

        var manifest = checkpoint.Manifest;
        Report(new CheckpointOpened(_store.Directory, manifest.Step, manifest.LossHistory, manifest.ValidationHistory));
        return true;
    }

    /// <summary>
    /// A resumed trainer waits, paused; a fresh one starts training, unless the session was stopped meanwhile. The
    /// caller holds <see cref="_gate"/>.
    /// </summary>
    private void Begin(Trainer trainer, string corpusTitle, bool resumed, CancellationToken cancellationToken)
    {
        if (!resumed && cancellationToken.IsCancellationRequested)
        {
            trainer.Dispose();
            _phases.StopStarting();
            return;
        }

        Report(TrainerReady.Of(trainer, corpusTitle, trainingOptions.Epochs));
        if (resumed)
        {
            _phases.AwaitResume(trainer);
            return;
        }

        var run = NewRun();
        _phases.StartTraining(trainer, run);
        Run(trainer, run);
    }

    /// <summary>Moves the unreadable checkpoint into a subfolder and opens again, which now trains from scratch; the caller holds <see cref="_gate"/>.</summary>
    private void SetAside(CheckpointStore store)
    {
        try
        {
            var aside = store.SetAside();
            Report(new SessionNotice(NoticeReason.CheckpointSetAside) { Directory = aside });
            _phases.Reopen();
            _work.Start(() => OpenAsync(_lifetime.Token));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(new SessionNotice(NoticeReason.SetAsideFailed) { Directory = store.Directory, Error = e });
        }
    }
}
