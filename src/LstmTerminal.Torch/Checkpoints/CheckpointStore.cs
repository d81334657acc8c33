using System.Text.Json;
using LstmTerminal.Core;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;
using LstmTerminal.Torch.Model;
using LstmTerminal.Torch.Training;
using TorchSharp.Modules;

namespace LstmTerminal.Torch.Checkpoints;

/// <summary>
/// Saves a training run into a checkpoint folder and loads it back into a TorchSharp model: the tensor files of the
/// format, committed atomically by the folder (<see cref="AtomicFolder"/>) and read back through the libtorch-free
/// <see cref="CheckpointReader"/>.
/// </summary>
public sealed class CheckpointStore
{
    private readonly CheckpointReader _reader;

    public CheckpointStore(string directory)
    {
        _reader = new CheckpointReader(directory);
    }

    public string Directory => _reader.Directory;

    /// <summary>True when the folder holds a manifest: a save was committed there.</summary>
    public bool Exists => _reader.Exists;

    /// <inheritdoc cref="AtomicFolder.CheckUsable"/>
    public void CheckUsable() => _reader.Folder.CheckUsable();

    /// <inheritdoc cref="AtomicFolder.Lock"/>
    public FolderLock Lock() => _reader.Folder.Lock();

    /// <inheritdoc cref="AtomicFolder.SetAside"/>
    public string SetAside() => _reader.Folder.SetAside();

    /// <param name="average">When given, model.bin gets the averaged weights (what inference uses) and the raw ones go beside them.</param>
    /// <exception cref="CheckpointException">Nothing was committed; the previous checkpoint is unchanged.</exception>
    /// <param name="vocabulary">Its tokenizer's name goes into the manifest and its state into vocab.json.</param>
    public void Save(CheckpointManifest manifest, GuardedVocabulary vocabulary, LstmLanguageModel model, OptimizerHelper optimizer, LstmState? carriedState, WeightAverage? average = null)
    {
        string state;
        try
        {
            state = vocabulary.Save();
        }
        catch (TokenizerException e)
        {
            throw new CheckpointException($"Nothing was saved: {e.Message}", e);
        }

        _reader.Folder.Commit(
            manifest.Step,
            folder => WriteDataFiles(folder, state, model, optimizer, carriedState, average),
            (stream, committed) => JsonSerializer.Serialize(
                stream,
                manifest with
                {
                    FormatVersion = CheckpointManifest.CurrentFormatVersion,
                    SavedAt = DateTimeOffset.UtcNow,
                    Data = committed,
                    Tokenizer = vocabulary.TokenizerName,
                },
                JsonDefaults.Options));
    }

    /// <exception cref="CheckpointException">The checkpoint is missing, damaged or does not fit its model; the message says which.</exception>
    /// <param name="plugins">Where the checkpoint's tokenizer is found by its recorded name.</param>
    public LoadedCheckpoint Load(PluginCatalog plugins) => _reader.ReadCommitted(() => LoadCommitted(plugins));

    private LoadedCheckpoint LoadCommitted(PluginCatalog plugins)
    {
        var opened = _reader.Open(plugins);
        var weights = opened.Files.Require(CheckpointFiles.Weights);
        var shape = opened.Manifest.Model;
        var model = SeededRandom.DrawUnseeded(() => new LstmLanguageModel(shape));
        try
        {
            ModelWeightsFile.Load(model, weights);
        }
        catch (Exception e)
        {
            model.Dispose();
            throw _reader.WeightsUnfit(shape, TorchErrors.Excerpt(e), e);
        }

        return new LoadedCheckpoint(this, opened, model);
    }

    private static void WriteDataFiles(string folder, string tokenizerState, LstmLanguageModel model, OptimizerHelper optimizer, LstmState? carriedState, WeightAverage? average)
    {
        if (average is null)
        {
            ModelWeightsFile.Write(model, Path.Combine(folder, CheckpointFiles.Weights));
        }
        else
        {
            ModelWeightsFile.Write(model, Path.Combine(folder, CheckpointFiles.TrainingWeights));
            using var averaged = average.SwappedIn();
            ModelWeightsFile.Write(model, Path.Combine(folder, CheckpointFiles.Weights));
        }

        optimizer.save_state_dict(Path.Combine(folder, CheckpointFiles.Optimizer));
        if (carriedState is not null)
        {
            CarriedStateFile.Write(carriedState, Path.Combine(folder, CheckpointFiles.CarriedState));
        }

        TokenizerStateFile.Write(tokenizerState, Path.Combine(folder, CheckpointFiles.Vocabulary));
    }
}
