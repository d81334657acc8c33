using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// When a run saves and what became of its saves: every <c>SaveEvery</c> steps, once after a step on request from any
/// thread, and at the end of a run unless its last step is saved. A failed save is reported and training goes on.
/// </summary>
/// <param name="directory">Where the checkpoints go, as reported.</param>
/// <param name="write">Writes a checkpoint of the run as it stands.</param>
internal sealed class CheckpointWriter(string directory, int saveEvery, long savedStep, PublishedWeights weights, Action<CheckpointManifest> write)
{
    private long _savedStep = savedStep;
    private int _requested;

    /// <summary>The run's last successful save, if any.</summary>
    public CheckpointSaved? LastSaved { get; private set; }

    /// <summary>Why the latest save failed; null if it succeeded or none was tried.</summary>
    public string? LastProblem { get; private set; }

    /// <summary>Forgets the outcomes of earlier runs: a run's result names only its own saves.</summary>
    public void BeginRun()
    {
        LastSaved = null;
        LastProblem = null;
    }

    /// <summary>Safe from any thread.</summary>
    public void Request() => Interlocked.Exchange(ref _requested, 1);

    /// <summary>Takes the request even when the schedule saves anyway, so it does not cause a second save next step.</summary>
    public bool IsDue(long step) => (Interlocked.Exchange(ref _requested, 0) == 1) | (step % saveEvery == 0);

    public bool IsSaved(long step) => step == _savedStep;

    /// <summary>Saves, holding the weights meanwhile, and reports what became of it: <see cref="CheckpointSaved"/> or <see cref="CheckpointFailed"/>.</summary>
    public void Save(CheckpointManifest manifest, IProgress<TrainingEvent>? progress)
    {
        TrainingEvent outcome;
        try
        {
            using (weights.Hold())
            {
                write(manifest);
            }

            _savedStep = manifest.Step;
            outcome = LastSaved = new CheckpointSaved(manifest.Step, directory);
        }
        catch (CheckpointException e)
        {
            outcome = new CheckpointFailed(manifest.Step, e.Message);
        }

        LastProblem = (outcome as CheckpointFailed)?.Message;
        progress?.Report(outcome);
    }
}
