using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Workflow;

/// <summary>
/// Where a <see cref="PhaseMachine"/> stands: the <see cref="SessionPhase"/> it shows and the data that phase needs,
/// and no more. Before a trainer exists a stage may hold the checkpoint read at start, which completes phrases
/// meanwhile; from then on it holds the trainer, which has taken the model over.
/// </summary>
public abstract record SessionStage(SessionPhase Phase)
{
    /// <summary>A stage before a trainer exists; <paramref name="Checkpoint"/> is the one read at start, if any.</summary>
    public abstract record BeforeTrainer(SessionPhase Phase, LoadedCheckpoint? Checkpoint) : SessionStage(Phase);

    /// <summary>A stage in which the trainer exists.</summary>
    public abstract record WithTrainer(SessionPhase Phase, Trainer Trainer) : SessionStage(Phase);

    /// <summary>Built, not opened yet.</summary>
    public sealed record Created() : BeforeTrainer(SessionPhase.Starting, null);

    /// <summary>Opening: nothing is loaded yet.</summary>
    public sealed record Starting() : BeforeTrainer(SessionPhase.Starting, null);

    public sealed record LoadingCheckpoint() : BeforeTrainer(SessionPhase.LoadingCheckpoint, null);

    public sealed record LoadingCorpus(LoadedCheckpoint? Checkpoint) : BeforeTrainer(SessionPhase.LoadingCorpus, Checkpoint);

    public sealed record Preparing(LoadedCheckpoint? Checkpoint) : BeforeTrainer(SessionPhase.Preparing, Checkpoint);

    /// <summary>Stopped before training began; shown as paused, with nothing to resume.</summary>
    public sealed record StartStopped(LoadedCheckpoint? Checkpoint) : BeforeTrainer(SessionPhase.Paused, Checkpoint);

    /// <summary>Opening failed; a checkpoint read before the failure still completes phrases.</summary>
    public sealed record StartFailed(LoadedCheckpoint? Checkpoint) : BeforeTrainer(SessionPhase.Failed, Checkpoint);

    /// <summary>The checkpoint in <paramref name="Store"/> cannot be read; it can be set aside to train from scratch.</summary>
    public sealed record CheckpointUnreadable(CheckpointStore Store) : SessionStage(SessionPhase.Failed);

    /// <param name="Run">Cancelling it pauses the run, which saves after its current step.</param>
    public sealed record Training(Trainer Trainer, CancellationTokenSource Run) : WithTrainer(SessionPhase.Training, Trainer);

    public sealed record Pausing(Trainer Trainer) : WithTrainer(SessionPhase.Pausing, Trainer);

    public sealed record Paused(Trainer Trainer) : WithTrainer(SessionPhase.Paused, Trainer);

    public sealed record Finished(Trainer Trainer) : WithTrainer(SessionPhase.Finished, Trainer);

    /// <param name="RunFinished">The run had reached its end and only its save failed, so there is nothing to resume.</param>
    public sealed record RunFailed(Trainer Trainer, bool RunFinished) : WithTrainer(SessionPhase.Failed, Trainer);

    /// <summary>Disposed; it still shows the phase it ended in.</summary>
    public sealed record Closed(SessionPhase LastPhase) : SessionStage(LastPhase);
}
