namespace LstmTerminal.Torch.Workflow;

/// <summary>The moves between <see cref="SessionStage"/>s, one <see cref="PhaseMachine"/> method each.</summary>
public enum SessionTransition
{
    Open,
    ReadCheckpoint,
    FindUnreadable,
    Reopen,
    LoadCorpus,
    Prepare,
    AwaitResume,
    StartTraining,
    ResumeTraining,
    Pause,
    StopRun,
    FinishRun,
    Diverge,
    FailSave,
    CrashRun,
    StopStarting,
    RefuseStart,
    CrashStart,
    Close,
}
