using LstmTerminal.Commands;
using LstmTerminal.Core;
using LstmTerminal.Torch.Workflow;

namespace LstmTerminal.Wording;

/// <summary>The words, keys and settings a person reads for what the training session reports.</summary>
public static class SessionWording
{
    /// <summary>The training panel's state line after <paramref name="changed"/>; for a failure, the console's error line too.</summary>
    public static string Detail(PhaseChanged changed) => changed.Reason switch
    {
        PhaseReason.Opening => "starting",
        PhaseReason.ReadingCheckpoint => $"reading {changed.Directory}",
        PhaseReason.LoadingCorpus => $"loading the {changed.Corpus} corpus",
        PhaseReason.BuildingModel => "building the vocabulary and the model",
        PhaseReason.CheckpointLoaded => $"checkpoint loaded at step {changed.Step}; F2 resumes training",
        // The corpus is named here too, so a run on a stand-in (e.g. the bundled text when offline) says so where the eye is.
        PhaseReason.Training => $"from step {changed.Step} on {changed.Corpus}",
        PhaseReason.PauseRequested => "finishing the current step, then saving",
        PhaseReason.PausedAndSaved => $"at step {changed.Step}, checkpoint saved; F2 resumes",
        PhaseReason.Completed => $"at step {changed.Step}; the console keeps working",
        PhaseReason.StoppedEarly => $"stopped early at step {changed.Step}: the validation loss stopped improving (Training:EarlyStoppingPatience); the best checkpoint is in best/",
        PhaseReason.StoppedWhileStarting => "stopped while starting",
        PhaseReason.CannotStart => Problem(changed),
        PhaseReason.CheckpointUnreadable =>
            $"{Problem(changed)} Press F2 to set that checkpoint aside (moved into a subfolder, nothing deleted) and train from scratch, or move it yourself, or set Training:CheckpointDirectory to another folder.",
        PhaseReason.StartCrashed => $"Unexpected failure: {Sentence.Close(changed.Error?.Message ?? "")}{LogPointer.Details(changed.DetailsLogged)} Restart the app to try again.",
        PhaseReason.Diverged => changed.Problem ?? "training stopped",
        PhaseReason.SaveFailed => $"Training stopped at step {changed.Step}, but the checkpoint was NOT saved: {changed.Problem}",
        PhaseReason.RunCrashed => $"Training failed: {Sentence.Close(changed.Error?.Message ?? "")} The last checkpoint is kept.{LogPointer.Details(changed.DetailsLogged)}",
        _ => changed.Reason.ToString(),
    };

    public static string Notice(SessionNotice notice) => notice.Reason switch
    {
        NoticeReason.NothingToSave => "Nothing to save yet: no model has been trained or loaded.",
        NoticeReason.SavingAfterStep => "Saving a checkpoint after the current step.",
        NoticeReason.CheckpointUpToDate => $"The checkpoint is up to date (step {notice.Step}); pausing saves it.",
        NoticeReason.TrainingHasFinished => "Training has finished; raise Training:Epochs or Training:MaxSteps and restart to train further.",
        NoticeReason.CheckpointSetAside => $"The unreadable checkpoint was moved to {notice.Directory}; training from scratch.",
        NoticeReason.SetAsideFailed => $"Could not move {notice.Directory} aside: {notice.Error?.Message} Move it yourself and restart.",
        NoticeReason.SamplesUseBeamFallback => SamplesUseBeamFallback,
        NoticeReason.CorpusNotice => notice.Text ?? "",
        NoticeReason.SettingsKeptFromCheckpoint => KeptSettings(notice.Kept),
        _ => notice.Reason.ToString(),
    };

    /// <summary>Said by <c>train --resume</c> and the console when the configuration differs from the resumed checkpoint.</summary>
    public static string KeptSettings(IReadOnlyList<KeptSetting> kept) =>
        $"Resuming keeps the checkpoint's settings: {string.Join(", ", kept.Select(k => $"{k.Key} {k.Checkpoint} (configured {k.Configured})"))}. " +
        "To train with the configured ones, start from scratch in another Training:CheckpointDirectory.";

    /// <summary>Said by <c>train</c> and the console when the configured sampler is beam search.</summary>
    public static string SamplesUseBeamFallback => $"training samples use {TrainingSamples.BeamFallback}; the beam sampler is only available to completions";

    /// <summary>An exception the user can act on reads as the command line says it; anything else by its message.</summary>
    private static string Problem(PhaseChanged changed) => changed.Error is { } error ? UserError.OneLine(error) : changed.Problem ?? "";
}
