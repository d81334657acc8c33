using LstmTerminal.Commands;
using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Tests.Commands;

/// <summary>The engine says what is wrong with a checkpoint; the app adds the flag or setting that fixes it.</summary>
public sealed class CheckpointTextTests
{
    [Theory]
    [InlineData(CheckpointProblem.FolderIsAFile, "The checkpoint folder /x is a file. Point --checkpoint-dir (Training:CheckpointDirectory) at a folder.")]
    [InlineData(CheckpointProblem.Missing, "The checkpoint folder /x is a file. Train first, or point --checkpoint-dir at a checkpoint folder.")]
    [InlineData(CheckpointProblem.CorpusTooShort, "The checkpoint folder /x is a file. Resume it with the corpus it was trained on (tiny.txt), or train without --resume.")]
    [InlineData(CheckpointProblem.Other, "The checkpoint folder /x is a file.")]
    public void Describe_AddsTheAdviceForTheProblem(CheckpointProblem problem, string expected)
    {
        // Given a checkpoint problem of each kind
        var exception = new CheckpointException("The checkpoint folder /x is a file.", problem) { TrainedOn = "tiny.txt" };

        // Then the app adds the advice for it to the engine's message
        Assert.Equal(expected, CheckpointText.Describe(exception));
    }

    [Fact]
    public async Task Generate_NamesTheFlagToPass_WhenTheFolderHoldsNoCheckpoint()
    {
        // Given a folder without a checkpoint
        using var workspace = new TinyWorkspace();

        // When generate is pointed at it
        var run = await CliRun.RunAsync(workspace.Args("generate", "thou"));

        // Then the one line says what is missing and which flag to use
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"error: No checkpoint in {workspace.CheckpointDirectory} (checkpoint.json is missing). Train first, or point --checkpoint-dir at a checkpoint folder.",
            run.Error.Trim());
    }
}
