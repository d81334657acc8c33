using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Training;
using static LstmTerminal.Torch.Workflow.SessionStage;

namespace LstmTerminal.Torch.Workflow;

/// <summary>
/// The training session's one source of truth for whether it opens, trains, is paused, finished or failed. Each
/// transition is a method; <see cref="Allowed"/> is the whole table of them, and a transition it does not list is
/// refused with an <see cref="InvalidOperationException"/>, leaving the stage as it was. Every transition but
/// <see cref="Close"/> is reported as a <see cref="PhaseChanged"/>. Not thread-safe: the session calls it under its lock.
/// </summary>
/// <remarks>
/// Created → Starting → [LoadingCheckpoint →] LoadingCorpus → Preparing → Training ⇄ Pausing → Paused | Finished | failed,
/// Paused → Training; before a trainer exists any opening stage may stop or fail, and an unreadable checkpoint
/// (a failure of LoadingCheckpoint) reopens from Starting once set aside.
/// </remarks>
public sealed class PhaseMachine(Action<PhaseChanged> report)
{
    public SessionStage Stage { get; private set; } = new Created();

    /// <summary>The transition table: whether <paramref name="transition"/> may leave <paramref name="from"/>.</summary>
    public static bool Allowed(SessionStage from, SessionTransition transition) => transition switch
    {
        SessionTransition.Open => from is Created,
        SessionTransition.ReadCheckpoint => from is Starting,
        SessionTransition.FindUnreadable => from is LoadingCheckpoint,
        SessionTransition.Reopen => from is CheckpointUnreadable,
        SessionTransition.LoadCorpus => from is Starting or LoadingCheckpoint,
        SessionTransition.Prepare => from is LoadingCorpus,
        SessionTransition.AwaitResume or SessionTransition.StartTraining => from is Preparing,
        SessionTransition.ResumeTraining => from is Paused or RunFailed { RunFinished: false },
        SessionTransition.Pause => from is SessionStage.Training,
        SessionTransition.StopRun or SessionTransition.FinishRun or SessionTransition.Diverge or SessionTransition.FailSave
            or SessionTransition.CrashRun => from is SessionStage.Training or Pausing,
        SessionTransition.StopStarting or SessionTransition.RefuseStart or SessionTransition.CrashStart =>
            from is Starting or LoadingCheckpoint or LoadingCorpus or Preparing,
        SessionTransition.Close => from is not Closed,
        _ => false,
    };

    public bool Allows(SessionTransition transition) => Allowed(Stage, transition);

    public void Open()
    {
        Require<Created>(SessionTransition.Open);
        Enter(new Starting(), PhaseReason.Opening);
    }

    public void ReadCheckpoint(string directory)
    {
        Require<Starting>(SessionTransition.ReadCheckpoint);
        Enter(new LoadingCheckpoint(), PhaseReason.ReadingCheckpoint, directory: directory);
    }

    /// <summary>The checkpoint cannot be read: the session fails, offering to set it aside.</summary>
    public void FindUnreadable(CheckpointStore store, Exception error)
    {
        Require<LoadingCheckpoint>(SessionTransition.FindUnreadable);
        Enter(new CheckpointUnreadable(store), PhaseReason.CheckpointUnreadable, error: error);
    }

    /// <summary>The unreadable checkpoint was set aside: opening starts over.</summary>
    public void Reopen()
    {
        Require<CheckpointUnreadable>(SessionTransition.Reopen);
        Enter(new Starting(), PhaseReason.Opening);
    }

    /// <param name="checkpoint">The checkpoint just read, or null when the folder holds none.</param>
    public void LoadCorpus(string provider, LoadedCheckpoint? checkpoint)
    {
        Require<BeforeTrainer>(SessionTransition.LoadCorpus);
        Enter(new LoadingCorpus(checkpoint), PhaseReason.LoadingCorpus, corpus: provider);
    }

    public void Prepare()
    {
        var from = Require<LoadingCorpus>(SessionTransition.Prepare);
        Enter(new Preparing(from.Checkpoint), PhaseReason.BuildingModel);
    }

    /// <summary>A resumed checkpoint waits, paused, for the user to go on.</summary>
    public void AwaitResume(Trainer trainer)
    {
        Require<Preparing>(SessionTransition.AwaitResume);
        Enter(new Paused(trainer), PhaseReason.CheckpointLoaded, trainer.Step);
    }

    /// <param name="run">The new run's cancellation, which <see cref="Pause"/> cancels.</param>
    public void StartTraining(Trainer trainer, CancellationTokenSource run)
    {
        Require<Preparing>(SessionTransition.StartTraining);
        EnterTraining(trainer, run);
    }

    /// <returns>The trainer to run again.</returns>
    public Trainer ResumeTraining(CancellationTokenSource run)
    {
        var from = Require<WithTrainer>(SessionTransition.ResumeTraining);
        EnterTraining(from.Trainer, run);
        return from.Trainer;
    }

    /// <summary>Asks the run to stop after its current step; it saves, then ends in <see cref="StopRun"/>.</summary>
    public void Pause()
    {
        var from = Require<SessionStage.Training>(SessionTransition.Pause);
        Enter(new Pausing(from.Trainer), PhaseReason.PauseRequested, from.Trainer.Step);
        from.Run.Cancel();
    }

    /// <summary>The run stopped on request and saved.</summary>
    public void StopRun(long step) => EndRun(SessionTransition.StopRun, trainer => new Paused(trainer), PhaseReason.PausedAndSaved, step);

    /// <summary>The run reached its end (or stopped early, <paramref name="early"/>) and saved.</summary>
    public void FinishRun(long step, bool early = false) =>
        EndRun(SessionTransition.FinishRun, trainer => new Finished(trainer), early ? PhaseReason.StoppedEarly : PhaseReason.Completed, step);

    public void Diverge(long step, string? problem) =>
        EndRun(SessionTransition.Diverge, trainer => new RunFailed(trainer, RunFinished: false), PhaseReason.Diverged, step, problem: problem);

    /// <param name="runFinished">The run had reached its end, so it cannot be resumed.</param>
    public void FailSave(long step, string problem, bool runFinished) =>
        EndRun(SessionTransition.FailSave, trainer => new RunFailed(trainer, runFinished), PhaseReason.SaveFailed, step, problem: problem);

    public void CrashRun(Exception error, bool detailsLogged)
    {
        var from = Require<WithTrainer>(SessionTransition.CrashRun);
        Enter(new RunFailed(from.Trainer, RunFinished: false), PhaseReason.RunCrashed, from.Trainer.Step, error: error, detailsLogged: detailsLogged);
    }

    public void StopStarting()
    {
        var from = Require<BeforeTrainer>(SessionTransition.StopStarting);
        Enter(new StartStopped(from.Checkpoint), PhaseReason.StoppedWhileStarting);
    }

    /// <summary>Opening failed for a reason the user can fix.</summary>
    public void RefuseStart(Exception error)
    {
        var from = Require<BeforeTrainer>(SessionTransition.RefuseStart);
        Enter(new StartFailed(from.Checkpoint), PhaseReason.CannotStart, error: error);
    }

    public void CrashStart(Exception error, bool detailsLogged)
    {
        var from = Require<BeforeTrainer>(SessionTransition.CrashStart);
        Enter(new StartFailed(from.Checkpoint), PhaseReason.StartCrashed, error: error, detailsLogged: detailsLogged);
    }

    /// <summary>Ends the session, unreported; returns the stage it left so the caller can release what that held.</summary>
    public SessionStage Close()
    {
        var from = Require<SessionStage>(SessionTransition.Close);
        Stage = new Closed(from.Phase);
        return from;
    }

    private void EnterTraining(Trainer trainer, CancellationTokenSource run) =>
        Enter(new SessionStage.Training(trainer, run), PhaseReason.Training, trainer.Step, corpus: trainer.Corpus.Title);

    private void EndRun(SessionTransition transition, Func<Trainer, SessionStage> next, PhaseReason reason, long step, string? problem = null)
    {
        var from = Require<WithTrainer>(transition);
        Enter(next(from.Trainer), reason, step, problem: problem);
    }

    private T Require<T>(SessionTransition transition)
        where T : SessionStage =>
        Allows(transition) && Stage is T from
            ? from
            : throw new InvalidOperationException($"The session cannot {transition} while it is {Stage.GetType().Name}.");

    private void Enter(
        SessionStage next, PhaseReason reason, long step = 0, string? corpus = null, string? directory = null, Exception? error = null, string? problem = null,
        bool detailsLogged = false)
    {
        Stage = next;
        report(new PhaseChanged(next.Phase, reason, step)
        {
            Corpus = corpus, Directory = directory, Error = error, Problem = problem, DetailsLogged = detailsLogged,
        });
    }
}
