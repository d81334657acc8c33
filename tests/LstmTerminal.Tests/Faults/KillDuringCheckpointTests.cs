using System.Diagnostics;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Tests.Commands;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Tests.Faults;

public sealed class KillDuringCheckpointTests
{
    private const int Kills = 12;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task KillMinus9_AtRandomMoments_AlwaysLeavesTheLastGoodCheckpointLoadable()
    {
        // Given a training process that saves a checkpoint after every step
        using var workspace = new TinyWorkspace();
        var random = new Random(20261128);
        var store = new CheckpointStore(workspace.CheckpointDirectory);
        long lastStep = 0;

        for (var kill = 0; kill < Kills; kill++)
        {
            // When it is killed with SIGKILL at a random moment of its saving steps (timed from its first step, as a
            // busy machine can take seconds to start it)
            var training = StartTraining(workspace, resume: kill > 0);
            using var process = training.Process;
            await training.FirstStep.WaitAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 1500)));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();

            // Then whatever is on disk is a complete checkpoint that loads, and no progress was lost
            if (store.Exists)
            {
                var checkpoint = store.Load(TokenizerPlugins.Catalog);
                checkpoint.Model.Dispose();
                Assert.True(checkpoint.Manifest.Step >= lastStep, $"step went back from {lastStep} to {checkpoint.Manifest.Step}");
                Assert.Equal(checkpoint.Manifest.Step, checkpoint.Manifest.LossHistory.Count);
                lastStep = checkpoint.Manifest.Step;
            }
        }

        Assert.True(lastStep > 0, "no checkpoint was ever written; the kills came too early to test anything");
        var resumed = await CliRun.RunAsync([.. workspace.Args("train", "--resume", "--max-steps", (lastStep + 3).ToString(), "--json"), "--Training:Epochs=100000"]);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(lastStep + 3, resumed.Json.GetProperty("steps").GetInt64());
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    [Trait("Category", "Slow")]
    public async Task TerminationOrCtrlC_SavesTheLastCompletedStep_AndSaysWhichItIs(string signal)
    {
        // Given a training process past its first step
        using var workspace = new TinyWorkspace();
        var training = StartTraining(workspace, resume: false, "--json");
        using var process = training.Process;
        await training.FirstStep.WaitAsync(TimeSpan.FromSeconds(60));

        // When it gets SIGTERM (or SIGINT, as from Ctrl+C)
        Assert.True(HostCommand.TryRun("kill", $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        // Then it saved the step it reports, as a cancelled run: exit code 130, whichever signal it was
        Assert.Equal(130, process.ExitCode);
        var result = System.Text.Json.JsonDocument.Parse(await training.Output).RootElement;
        Assert.Equal("Cancelled", result.GetProperty("stopReason").GetString());
        var saved = new CheckpointReader(workspace.CheckpointDirectory).LoadForInference(TokenizerPlugins.Catalog).Manifest.Step;
        Assert.Equal(result.GetProperty("steps").GetInt64(), saved);
        Assert.Equal(saved, result.GetProperty("checkpointStep").GetInt64());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Termination_WaitsForASaveLongerThanTheCommandLinesDefaultTwoSeconds()
    {
        // Given a training process of a model whose checkpoint (about 0.8 GB) takes seconds to write, past its first step
        using var workspace = new TinyWorkspace();
        var training = StartTraining(
            workspace, resume: false, "--json", "--Training:SaveEvery=1000000", "--Model:EmbeddingSize=1024", "--Model:RnnSize=1024", "--Model:Layers=8");
        using var process = training.Process;
        await training.FirstStep.WaitAsync(TimeSpan.FromSeconds(120));

        // When it gets SIGTERM
        Assert.True(HostCommand.TryRun("kill", "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(300));

        // Then it was given the time to finish the save: a cancelled run with its checkpoint, not one cut short (143)
        Assert.Equal(130, process.ExitCode);
        var result = System.Text.Json.JsonDocument.Parse(await training.Output).RootElement;
        Assert.Equal(result.GetProperty("steps").GetInt64(), new CheckpointReader(workspace.CheckpointDirectory).LoadForInference(TokenizerPlugins.Catalog).Manifest.Step);
    }

    /// <returns>The process, a task that completes when it reports its first step, and its whole standard output.</returns>
    private static (Process Process, Task FirstStep, Task<string> Output) StartTraining(TinyWorkspace workspace, bool resume, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lstm-terminal.dll"));
        foreach (var arg in workspace.Args(resume ? ["train", "--resume"] : ["train"]))
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--Training:SaveEvery=1");
        start.ArgumentList.Add("--Training:Epochs=100000");
        start.ArgumentList.Add("--Model:RnnSize=96");
        foreach (var arg in extra)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var firstStep = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        var outputDone = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Drain the pipes so the child never blocks on a full buffer.
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                outputDone.TrySetResult(output.ToString());
            }
            else
            {
                output.AppendLine(line.Data);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("step ", StringComparison.Ordinal) == true)
            {
                firstStep.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, firstStep.Task, outputDone.Task);
    }
}
