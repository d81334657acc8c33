using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Text;
using LstmTerminal.Torch.Model;
using TorchSharp.Modules;

namespace LstmTerminal.Torch.Checkpoints;

/// <summary>A checkpoint read from disk: its manifest, vocabulary and model (owned by the receiver).</summary>
public sealed class LoadedCheckpoint
{
    private readonly SavedFiles _files;

    internal LoadedCheckpoint(CheckpointStore store, OpenedCheckpoint opened, LstmLanguageModel model)
    {
        Store = store;
        Manifest = opened.Manifest;
        Vocabulary = opened.Vocabulary;
        Model = model;
        _files = opened.Files;
    }

    public CheckpointStore Store { get; }

    public CheckpointManifest Manifest { get; }

    public GuardedVocabulary Vocabulary { get; }

    public LstmLanguageModel Model { get; }

    /// <summary>Refuses a corpus whose epochs end before the step of its epoch the checkpoint stopped at: it was trained on another.</summary>
    /// <exception cref="CheckpointException">With <see cref="CheckpointProblem.CorpusTooShort"/>.</exception>
    internal void CheckFits(int stepsPerEpoch)
    {
        if (Manifest.StepInEpoch >= stepsPerEpoch)
        {
            throw new CheckpointException(
                $"The checkpoint in {Store.Directory} stopped after batch {Manifest.StepInEpoch} of epoch {Manifest.Epoch + 1}, but this corpus gives {stepsPerEpoch} batches per epoch.",
                CheckpointProblem.CorpusTooShort) { TrainedOn = Manifest.Corpus };
        }
    }

    /// <summary>Loads the raw training weights saved beside averaged ones into <paramref name="model"/>, in place.</summary>
    /// <remarks>Read from the save the model came from, whatever was written since; so are the rest.</remarks>
    internal void RestoreTrainingWeights(LstmLanguageModel model) =>
        Restore(CheckpointFiles.TrainingWeights, "training weights", path => ModelWeightsFile.Load(model, path));

    internal void RestoreOptimizer(OptimizerHelper optimizer) =>
        Restore(CheckpointFiles.Optimizer, "optimiser state", path => optimizer.load_state_dict(path));

    /// <summary>The LSTM state carried into the next batch; a checkpoint saved at an epoch's end has none.</summary>
    internal LstmState? ReadCarriedState()
    {
        if (Manifest.StepInEpoch == 0)
        {
            return null;
        }

        var path = _files.Require(CheckpointFiles.CarriedState);
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
        var path = _files.Require(name);
        try
        {
            load(path);
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            throw new CheckpointException($"{path} ({what}) is damaged: {TorchErrors.Excerpt(e)}", e);
        }
    }
}
