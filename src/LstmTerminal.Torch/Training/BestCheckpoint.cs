using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// Keeps <c>best/</c> in the checkpoint folder: a complete checkpoint (same format, committed atomically by its own
/// <see cref="CheckpointStore"/>) of the epoch with the lowest validation loss so far. A failed save is reported and
/// training goes on; the folder keeps its previous best whole.
/// </summary>
/// <param name="write">Writes a checkpoint of the run as it stands into the given store.</param>
internal sealed class BestCheckpoint(CheckpointStore store, IEnumerable<ValidationPoint> history, PublishedWeights weights, Action<CheckpointStore, CheckpointManifest> write)
{
    public const string FolderName = "best";

    // Resumed with a best/ folder: the best of the history is in it; without one, the next validation fills it.
    private double _best = store.Exists ? history.Select(point => point.Loss).DefaultIfEmpty(double.PositiveInfinity).Min() : double.PositiveInfinity;

    public static CheckpointStore StoreIn(string checkpointDirectory) => new(Path.Combine(checkpointDirectory, FolderName));

    /// <summary>Saves the run as <paramref name="manifest"/> describes it if <paramref name="validation"/> beats the best so far.</summary>
    public void Offer(ValidationPoint validation, Func<CheckpointManifest> manifest, IProgress<TrainingEvent>? progress)
    {
        if (!(validation.Loss < _best))
        {
            return;
        }

        try
        {
            using (weights.Hold())
            {
                write(store, manifest());
            }

            _best = validation.Loss;
            progress?.Report(new BestCheckpointSaved(validation.Step, store.Directory, validation.Loss));
        }
        catch (CheckpointException e)
        {
            progress?.Report(new RecordFailed(validation.Step, $"The best checkpoint was not updated: {e.Message}"));
        }
    }
}
