using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Commands;

/// <summary>The app's words for a checkpoint problem: the engine's plain message plus the flag or setting that fixes it.</summary>
public static class CheckpointText
{
    public static string Describe(CheckpointException exception) => exception.Problem switch
    {
        CheckpointProblem.FolderIsAFile => $"{exception.Message} Point --checkpoint-dir (Training:CheckpointDirectory) at a folder.",
        CheckpointProblem.Missing => $"{exception.Message} Train first, or point --checkpoint-dir at a checkpoint folder.",
        CheckpointProblem.CorpusTooShort => $"{exception.Message} Resume it with the corpus it was trained on ({exception.TrainedOn}), or train without --resume.",
        _ => exception.Message,
    };
}
