using LstmTerminal.Core.Workflow;
using LstmTerminal.Torch.Workflow;
using LstmTerminal.Wording;

namespace LstmTerminal.Tests.Wording;

/// <summary>The session reports reasons and data; these are the words, keys and settings the terminal UI shows for them.</summary>
public sealed class SessionWordingTests
{
    [Theory]
    [InlineData(PhaseReason.Opening, "starting")]
    [InlineData(PhaseReason.ReadingCheckpoint, "reading /ck")]
    [InlineData(PhaseReason.LoadingCorpus, "loading the tiny corpus")]
    [InlineData(PhaseReason.BuildingModel, "building the vocabulary and the model")]
    [InlineData(PhaseReason.CheckpointLoaded, "checkpoint loaded at step 7; F2 resumes training")]
    [InlineData(PhaseReason.Training, "from step 7 on tiny")]
    [InlineData(PhaseReason.PauseRequested, "finishing the current step, then saving")]
    [InlineData(PhaseReason.PausedAndSaved, "at step 7, checkpoint saved; F2 resumes")]
    [InlineData(PhaseReason.Completed, "at step 7; the console keeps working")]
    [InlineData(PhaseReason.StoppedEarly, "stopped early at step 7: the validation loss stopped improving (Training:EarlyStoppingPatience); the best checkpoint is in best/")]
    [InlineData(PhaseReason.StoppedWhileStarting, "stopped while starting")]
    [InlineData(PhaseReason.CannotStart, "boom")]
    [InlineData(
        PhaseReason.CheckpointUnreadable,
        "boom Press F2 to set that checkpoint aside (moved into a subfolder, nothing deleted) and train from scratch, or move it yourself, or set Training:CheckpointDirectory to another folder.")]
    [InlineData(PhaseReason.StartCrashed, "Unexpected failure: boom. Details are in the log file. Restart the app to try again.")]
    [InlineData(PhaseReason.Diverged, "it broke")]
    [InlineData(PhaseReason.SaveFailed, "Training stopped at step 7, but the checkpoint was NOT saved: it broke")]
    [InlineData(PhaseReason.RunCrashed, "Training failed: boom. The last checkpoint is kept. Details are in the log file.")]
    public void Detail_WordsTheReasonWithItsData(PhaseReason reason, string expected)
    {
        // Given a phase change with every datum a reason may name
        var changed = new PhaseChanged(SessionPhase.Failed, reason, Step: 7)
        {
            Corpus = "tiny", Directory = "/ck", Error = new IOException("boom"), Problem = "it broke", DetailsLogged = true,
        };

        // When it is worded, then it reads as the terminal UI has always put it
        Assert.Equal(expected, SessionWording.Detail(changed));
    }

    [Fact]
    public void Detail_HasWordsForEveryReason()
    {
        // Given every reason the session can give
        foreach (var reason in Enum.GetValues<PhaseReason>())
        {
            // Then none falls through to its bare name
            Assert.NotEqual(reason.ToString(), SessionWording.Detail(new PhaseChanged(SessionPhase.Failed, reason, Step: 0) { Error = new IOException("boom") }));
        }
    }

    [Fact]
    public void Detail_GivesTheCorpusAdvice_WhenOpeningTimedOut()
    {
        // Given a start refused because the corpus plugin missed its deadline
        var changed = new PhaseChanged(SessionPhase.Failed, PhaseReason.CannotStart, Step: 0)
        {
            Error = new CorpusPluginFaultException("stuck", CorpusFault.TimedOut, "The corpus plugin 'stuck' did not finish within 00:00:30."),
        };

        // Then the terminal UI says what to do, as the command line does
        Assert.EndsWith("Raise Corpus:LoadTimeout or use --corpus text-file --corpus-path FILE.", SessionWording.Detail(changed));
    }

    [Fact]
    public void Detail_SaysTrainingStopped_WhenADivergenceNamesNoProblem()
    {
        Assert.Equal("training stopped", SessionWording.Detail(new PhaseChanged(SessionPhase.Failed, PhaseReason.Diverged, Step: 3)));
    }

    [Fact]
    public void Detail_LeavesTheLogUnmentioned_WhenNoLogIsWritten()
    {
        var changed = new PhaseChanged(SessionPhase.Failed, PhaseReason.RunCrashed, Step: 3) { Error = new IOException("boom") };

        Assert.Equal("Training failed: boom. The last checkpoint is kept.", SessionWording.Detail(changed));
    }

    [Theory]
    [InlineData(NoticeReason.NothingToSave, "Nothing to save yet: no model has been trained or loaded.")]
    [InlineData(NoticeReason.SavingAfterStep, "Saving a checkpoint after the current step.")]
    [InlineData(NoticeReason.CheckpointUpToDate, "The checkpoint is up to date (step 7); pausing saves it.")]
    [InlineData(NoticeReason.TrainingHasFinished, "Training has finished; raise Training:Epochs or Training:MaxSteps and restart to train further.")]
    [InlineData(NoticeReason.CheckpointSetAside, "The unreadable checkpoint was moved to /ck/unreadable-1; training from scratch.")]
    [InlineData(NoticeReason.SetAsideFailed, "Could not move /ck/unreadable-1 aside: denied Move it yourself and restart.")]
    [InlineData(NoticeReason.SamplesUseBeamFallback, "training samples use greedy; the beam sampler is only available to completions")]
    [InlineData(NoticeReason.CorpusNotice, "Training on the bundled Shakespeare.")]
    public void Notice_WordsTheReasonWithItsData(NoticeReason reason, string expected)
    {
        // Given a notice with every datum a reason may name
        var notice = new SessionNotice(reason)
        {
            Step = 7, Directory = "/ck/unreadable-1", Error = new UnauthorizedAccessException("denied"), Text = "Training on the bundled Shakespeare.",
        };

        // When it is worded, then it reads as the console has always put it
        Assert.Equal(expected, SessionWording.Notice(notice));
    }

    [Fact]
    public void Notice_NamesEverySettingAResumeKeeps()
    {
        // Given a resume whose configuration differs from its checkpoint in two settings
        var notice = new SessionNotice(NoticeReason.SettingsKeptFromCheckpoint)
        {
            Kept = [new KeptSetting("Model:RnnSize", "16", "24"), new KeptSetting("Training:LearningRate", "0.002", "0.5")],
        };

        // When it is worded, then both are named with the value kept and the one configured
        Assert.Equal(
            "Resuming keeps the checkpoint's settings: Model:RnnSize 16 (configured 24), Training:LearningRate 0.002 (configured 0.5). " +
            "To train with the configured ones, start from scratch in another Training:CheckpointDirectory.",
            SessionWording.Notice(notice));
    }
}
