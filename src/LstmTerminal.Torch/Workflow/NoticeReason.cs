namespace LstmTerminal.Torch.Workflow;

/// <summary>What a <see cref="SessionNotice"/> tells the user; the data it names travels in the notice.</summary>
public enum NoticeReason
{
    /// <summary>"Save now" with no model trained or loaded.</summary>
    NothingToSave,

    /// <summary>"Save now" while training: the trainer saves after its current step.</summary>
    SavingAfterStep,

    /// <summary>"Save now" while paused or finished: the checkpoint already holds <see cref="SessionNotice.Step"/>.</summary>
    CheckpointUpToDate,

    /// <summary>A resume was asked for, but the run has reached its epochs, step limit or time budget.</summary>
    TrainingHasFinished,

    /// <summary>The unreadable checkpoint was moved to <see cref="SessionNotice.Directory"/>; training starts from scratch.</summary>
    CheckpointSetAside,

    /// <summary>The unreadable checkpoint in <see cref="SessionNotice.Directory"/> could not be moved: <see cref="SessionNotice.Error"/>.</summary>
    SetAsideFailed,

    /// <summary>Beam search is configured, so the training samples use <see cref="TrainingSamples.BeamFallback"/>.</summary>
    SamplesUseBeamFallback,

    /// <summary>The corpus provider's own notice, in <see cref="SessionNotice.Text"/>.</summary>
    CorpusNotice,

    /// <summary>The resumed checkpoint keeps its settings where the configuration differs: <see cref="SessionNotice.Kept"/>.</summary>
    SettingsKeptFromCheckpoint,
}
