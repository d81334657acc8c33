using System.Text.Json;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Training;
using LstmTerminal.Core.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// One checkpoint folder. A save writes a sibling temporary folder and swaps it into place with two renames;
/// if a crash falls between them, the next open finds the previous folder under its backup name and restores it.
/// </summary>
public sealed class CheckpointStore
{
    private const long MaxManifestBytes = 64L * 1024 * 1024;
    private const string TemporarySuffix = ".saving-";
    private const string BackupSuffix = ".previous-";

    public CheckpointStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    /// <summary>True when the folder holds a complete checkpoint (after recovering an interrupted swap).</summary>
    public bool Exists
    {
        get
        {
            RecoverInterruptedSave();
            return File.Exists(Path.Combine(Directory, CheckpointFiles.Manifest));
        }
    }

    /// <param name="average">When given, model.bin gets the averaged weights (what inference uses) and the raw ones go beside them.</param>
    public void Save(CheckpointManifest manifest, Vocabulary vocabulary, LstmLanguageModel model, OptimizerHelper optimizer, LstmState? carriedState, WeightAverage? average = null)
    {
        var parent = Path.GetDirectoryName(Directory)!;
        var name = Path.GetFileName(Directory);
        var temporary = Path.Combine(parent, name + TemporarySuffix + Guid.NewGuid().ToString("N"));
        try
        {
            DeleteStaleTemporaries(parent, name);
            System.IO.Directory.CreateDirectory(temporary);
            if (average is null)
            {
                model.save(Path.Combine(temporary, CheckpointFiles.Weights));
            }
            else
            {
                model.save(Path.Combine(temporary, CheckpointFiles.TrainingWeights));
                using var averaged = average.SwappedIn();
                model.save(Path.Combine(temporary, CheckpointFiles.Weights));
            }

            optimizer.save_state_dict(Path.Combine(temporary, CheckpointFiles.Optimizer));
            if (carriedState is not null)
            {
                using var stream = File.Create(Path.Combine(temporary, CheckpointFiles.CarriedState));
                using var writer = new BinaryWriter(stream);
                carriedState.Hidden.Save(writer);
                carriedState.Cell.Save(writer);
            }

            VocabularyFile.Write(vocabulary, Path.Combine(temporary, CheckpointFiles.Vocabulary));
            WriteManifest(manifest with { SavedAt = DateTimeOffset.UtcNow }, Path.Combine(temporary, CheckpointFiles.Manifest));
            SwapIntoPlace(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new CheckpointException($"Could not save the checkpoint to {Directory}: {e.Message} The previous checkpoint, if any, is unchanged.", e);
        }
    }

    /// <summary>
    /// Renames an unreadable checkpoint folder out of the way (never deletes it) so a fresh run can use the name;
    /// returns where it went.
    /// </summary>
    public string SetAside()
    {
        var aside = $"{Directory}.unreadable-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        System.IO.Directory.Move(Directory, aside);
        return aside;
    }

    public LoadedCheckpoint Load()
    {
        var (manifest, vocabulary) = ReadManifestAndVocabulary();
        var model = SeededRandom.DrawUnseeded(() => new LstmLanguageModel(manifest.Model));
        try
        {
            model.load(RequireFile(CheckpointFiles.Weights), strict: true);
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            model.Dispose();
            throw WeightsUnfit(manifest.Model, e);
        }

        return new LoadedCheckpoint(this, manifest, vocabulary, model);
    }

    /// <summary>
    /// The checkpoint's weights as plain arrays, read without libtorch (loading it would dominate a one-off
    /// <c>generate</c>); nothing on this path may touch a TorchSharp type, or the JIT loads the native library anyway.
    /// </summary>
    public InferenceCheckpoint LoadForInference()
    {
        var (manifest, vocabulary) = ReadManifestAndVocabulary();
        try
        {
            return new InferenceCheckpoint(manifest, vocabulary, WeightsFile.Read(RequireFile(CheckpointFiles.Weights), manifest.Model));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw WeightsUnfit(manifest.Model, e);
        }
    }

    private (CheckpointManifest Manifest, Vocabulary Vocabulary) ReadManifestAndVocabulary()
    {
        if (!Exists)
        {
            throw new CheckpointException($"No checkpoint in {Directory} ({CheckpointFiles.Manifest} is missing). Train first, or point --checkpoint-dir at a checkpoint folder.");
        }

        var manifest = ReadManifest(Path.Combine(Directory, CheckpointFiles.Manifest));
        Vocabulary vocabulary;
        try
        {
            vocabulary = VocabularyFile.Read(Path.Combine(Directory, CheckpointFiles.Vocabulary));
        }
        catch (InvalidDataException e)
        {
            throw new CheckpointException($"The checkpoint in {Directory} is unusable: {e.Message}", e);
        }

        if (vocabulary.Count != manifest.Model.VocabularySize)
        {
            throw new CheckpointException(
                $"The checkpoint in {Directory} is inconsistent: {CheckpointFiles.Vocabulary} has {vocabulary.Count} ids but the model was built for {manifest.Model.VocabularySize}.");
        }

        return (manifest, vocabulary);
    }

    private CheckpointException WeightsUnfit(ModelShape shape, Exception e) =>
        new($"The weights in {Path.Combine(Directory, CheckpointFiles.Weights)} do not fit a {Describe(shape)} model or are damaged: {e.Message}", e);

    /// <summary>Loads the raw training weights saved beside averaged ones into <paramref name="model"/>, in place.</summary>
    internal void RestoreTrainingWeights(LstmLanguageModel model)
    {
        try
        {
            model.load(RequireFile(CheckpointFiles.TrainingWeights), strict: true);
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            throw new CheckpointException($"The training weights in {Directory} are damaged: {e.Message}", e);
        }
    }

    internal void RestoreOptimizer(OptimizerHelper optimizer)
    {
        try
        {
            optimizer.load_state_dict(RequireFile(CheckpointFiles.Optimizer));
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            throw new CheckpointException($"The optimiser state in {Directory} is damaged: {e.Message}", e);
        }
    }

    internal LstmState? ReadCarriedState()
    {
        var path = Path.Combine(Directory, CheckpointFiles.CarriedState);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            return new LstmState(Tensor.Load(reader), Tensor.Load(reader));
        }
        catch (Exception e)
        {
            throw new CheckpointException($"The LSTM state in {path} is damaged: {e.Message}", e);
        }
    }

    private static string Describe(ModelShape shape) =>
        $"{shape.VocabularySize}-word, {shape.EmbeddingSize}/{shape.RnnSize}, {shape.Layers}-layer{(shape.TiedEmbeddings ? ", tied" : "")}";

    private string RequireFile(string name)
    {
        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? path : throw new CheckpointException($"The checkpoint in {Directory} is incomplete: {name} is missing.");
    }

    private static void WriteManifest(CheckpointManifest manifest, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, manifest, JsonDefaults.Options);
        stream.Flush(flushToDisk: true);
    }

    private CheckpointManifest ReadManifest(string path)
    {
        if (new FileInfo(path).Length > MaxManifestBytes)
        {
            throw new CheckpointException($"{path} is larger than a checkpoint manifest can be.");
        }

        CheckpointManifest? manifest;
        try
        {
            using var stream = File.OpenRead(path);
            manifest = JsonSerializer.Deserialize<CheckpointManifest>(stream, JsonDefaults.Options);
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"{path} is not a valid checkpoint manifest: {e.Message}", e);
        }

        if (manifest is null)
        {
            throw new CheckpointException($"{path} is empty.");
        }

        if (manifest.FormatVersion != CheckpointManifest.CurrentFormatVersion)
        {
            throw new CheckpointException(
                $"{path} has format version {manifest.FormatVersion}; this build reads version {CheckpointManifest.CurrentFormatVersion}. Train a new model or use a matching build.");
        }

        return manifest;
    }

    private void SwapIntoPlace(string temporary)
    {
        RecoverInterruptedSave();
        if (!System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Move(temporary, Directory);
            return;
        }

        var backup = Directory + BackupSuffix + Guid.NewGuid().ToString("N");
        System.IO.Directory.Move(Directory, backup);
        System.IO.Directory.Move(temporary, Directory);
        TryDelete(backup);
    }

    /// <summary>Restores the previous checkpoint if a save died between its two renames.</summary>
    private void RecoverInterruptedSave()
    {
        var parent = Path.GetDirectoryName(Directory)!;
        if (!System.IO.Directory.Exists(parent))
        {
            return;
        }

        var name = Path.GetFileName(Directory);
        var backups = System.IO.Directory.GetDirectories(parent, name + BackupSuffix + "*");
        var complete = File.Exists(Path.Combine(Directory, CheckpointFiles.Manifest));
        foreach (var backup in backups)
        {
            if (!complete && File.Exists(Path.Combine(backup, CheckpointFiles.Manifest)))
            {
                if (System.IO.Directory.Exists(Directory))
                {
                    System.IO.Directory.Delete(Directory, recursive: true);
                }

                System.IO.Directory.Move(backup, Directory);
                complete = true;
            }
            else
            {
                TryDelete(backup);
            }
        }
    }

    /// <summary>Folders of saves that died before their swap; never complete, so never worth keeping.</summary>
    private static void DeleteStaleTemporaries(string parent, string name)
    {
        if (!System.IO.Directory.Exists(parent))
        {
            return;
        }

        foreach (var stale in System.IO.Directory.GetDirectories(parent, name + TemporarySuffix + "*"))
        {
            TryDelete(stale);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftovers are harmless: the next save or open removes them.
        }
    }
}
