using LstmTerminal.Core.Model;
using LstmTerminal.Core.Text;
using TorchSharp.Modules;
using LstmTerminal.Torch.Model;
using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Torch.Checkpoints;

/// <summary>A checkpoint read from disk: its manifest, vocabulary and model (owned by the receiver).</summary>
public sealed class LoadedCheckpoint
{
    internal LoadedCheckpoint(CheckpointStore store, CheckpointManifest manifest, Vocabulary vocabulary, LstmLanguageModel model, SavedFiles files)
    {
        Store = store;
        Manifest = manifest;
        Vocabulary = vocabulary;
        Model = model;
        Files = files;
    }

    public CheckpointStore Store { get; }

    public CheckpointManifest Manifest { get; }

    public Vocabulary Vocabulary { get; }

    public LstmLanguageModel Model { get; }

    /// <summary>The save the model came from; the rest of its state is read from the same save, whatever was written since.</summary>
    internal SavedFiles Files { get; }

    /// <summary>Loads the raw training weights saved beside averaged ones into <paramref name="model"/>, in place.</summary>
    internal void RestoreTrainingWeights(LstmLanguageModel model) =>
        Restore(CheckpointFiles.TrainingWeights, "training weights", path => model.load(path, strict: true));

    internal void RestoreOptimizer(OptimizerHelper optimizer) =>
        Restore(CheckpointFiles.Optimizer, "optimiser state", path => optimizer.load_state_dict(path));

    /// <summary>The LSTM state carried into the next batch; a checkpoint saved at an epoch's end has none.</summary>
    internal LstmState? ReadCarriedState()
    {
        if (Manifest.Window == 0)
        {
            return null;
        }

        var path = Files.Require(CheckpointFiles.CarriedState);
        try
        {
            return CarriedStateFile.Read(path, Manifest.Model.Layers, Manifest.Training.BatchSize, Manifest.Model.RnnSize);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"The LSTM state in {path} does not fit the checkpoint or is damaged: {e.Message}", e);
        }
    }

    private void Restore(string name, string what, Action<string> load)
    {
        var path = Files.Require(name);
        try
        {
            load(path);
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            throw new CheckpointException($"{path} ({what}) is damaged: {TorchErrors.Summary(e)}", e);
        }
    }
}
