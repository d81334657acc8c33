namespace LstmTerminal.Torch.Workflow;

/// <summary>What the session is doing, as the training panel shows it; <see cref="SessionStage"/> holds it with its data.</summary>
public enum SessionPhase
{
    Starting,
    LoadingCheckpoint,
    LoadingCorpus,
    Preparing,
    Training,
    Pausing,
    Paused,
    Finished,
    Failed,
}
