namespace LstmTerminal.Torch.Workflow;

/// <summary>Why the session entered its phase; the data it names travels in <see cref="PhaseChanged"/>.</summary>
public enum PhaseReason
{
    /// <summary>Opening began, or began again after the unreadable checkpoint was set aside.</summary>
    Opening,

    /// <summary>Reading the checkpoint in <see cref="PhaseChanged.Directory"/>.</summary>
    ReadingCheckpoint,

    /// <summary>Loading the corpus of the provider <see cref="PhaseChanged.Corpus"/>.</summary>
    LoadingCorpus,

    /// <summary>Building the vocabulary and the model.</summary>
    BuildingModel,

    /// <summary>The checkpoint's trainer is ready and waits, paused, at its step for the user to resume it.</summary>
    CheckpointLoaded,

    /// <summary>Training runs from <see cref="PhaseChanged.Step"/> on the corpus titled <see cref="PhaseChanged.Corpus"/>.</summary>
    Training,

    /// <summary>A pause was asked for: the run finishes its step, then saves.</summary>
    PauseRequested,

    /// <summary>The run stopped on request and saved.</summary>
    PausedAndSaved,

    /// <summary>The run reached its epochs, step limit or time budget and saved.</summary>
    Completed,

    /// <summary>The run stopped because the validation loss stopped improving, and saved.</summary>
    StoppedEarly,

    /// <summary>The session was stopped before training began.</summary>
    StoppedWhileStarting,

    /// <summary>Opening failed for a reason the user can fix (corpus, plugin, data, checkpoint folder): <see cref="PhaseChanged.Error"/>.</summary>
    CannotStart,

    /// <summary>The checkpoint cannot be read (<see cref="PhaseChanged.Error"/>); toggling training sets it aside and trains from scratch.</summary>
    CheckpointUnreadable,

    /// <summary>Opening failed unexpectedly: <see cref="PhaseChanged.Error"/>.</summary>
    StartCrashed,

    /// <summary>The loss diverged and the run stopped without saving: <see cref="PhaseChanged.Problem"/>.</summary>
    Diverged,

    /// <summary>The run stopped but its checkpoint was not saved: <see cref="PhaseChanged.Problem"/>.</summary>
    SaveFailed,

    /// <summary>The run failed unexpectedly: <see cref="PhaseChanged.Error"/>; the last checkpoint is kept.</summary>
    RunCrashed,
}
