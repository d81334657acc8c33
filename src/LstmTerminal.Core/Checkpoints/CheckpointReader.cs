using LstmTerminal.Core.Model;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;
using LstmTerminal.Shared;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// Reads a checkpoint folder without libtorch: the manifest, the vocabulary and the files of the save, each checked,
/// and for <c>generate</c> the weights as plain arrays. This assembly references no TorchSharp, so nothing on this
/// path can load the native library by accident; the TorchSharp loader builds on <see cref="Open"/>.
/// </summary>
public sealed class CheckpointReader
{
    private const long MaxManifestBytes = 64L * 1024 * 1024;

    // A trainer saving every step can commit twice while a reader loads; more attempts than that means a damaged checkpoint.
    private const int MaxReadAttempts = 5;

    public CheckpointReader(string directory)
    {
        Folder = new AtomicFolder(directory, CheckpointFiles.Folder, () => TryReadManifest() is { } manifest ? manifest.Data ?? FolderCommit.Flat : null);
    }

    /// <summary>The folder the checkpoint is committed to.</summary>
    public AtomicFolder Folder { get; }

    public string Directory => Folder.Directory;

    /// <summary>True when the folder holds a manifest: a save was committed there.</summary>
    public bool Exists => Folder.HasManifest;

    /// <summary>The weights as plain arrays, with the manifest and vocabulary: all that generation needs.</summary>
    /// <exception cref="CheckpointException">The checkpoint is missing, damaged or inconsistent; the message says which.</exception>
    /// <param name="plugins">Where the checkpoint's tokenizer is found by its recorded name.</param>
    public InferenceCheckpoint LoadForInference(PluginCatalog plugins) => ReadCommitted(() => ReadForInference(plugins));

    /// <summary>
    /// Runs <paramref name="read"/> again when it failed because a trainer committed a newer save meanwhile and removed
    /// the files the read was on (a save keeps only the previous save's folder for readers). A checkpoint that fails to
    /// read while no save commits is damaged, and its exception stands.
    /// </summary>
    public T ReadCommitted<T>(Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        for (var attempt = 1; ; attempt++)
        {
            var before = CommittedFolder();
            try
            {
                return read();
            }
            catch (CheckpointException) when (attempt < MaxReadAttempts && CommittedFolder() is { } now && now != before)
            {
                // A newer save: read that one.
            }
        }
    }

    private InferenceCheckpoint ReadForInference(PluginCatalog plugins)
    {
        var (manifest, files, vocabulary) = Open(plugins);
        var weights = files.Require(CheckpointFiles.Weights);
        try
        {
            return new InferenceCheckpoint(manifest, vocabulary, WeightsFile.Read(weights, manifest.Model));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw WeightsUnfit(manifest.Model, e.Message, e);
        }
    }

    /// <summary>
    /// The manifest, the files of its save and the vocabulary (read back by the tokenizer the manifest names), each
    /// checked; cleans up if no writer is at work.
    /// </summary>
    /// <exception cref="CheckpointException">As <see cref="LoadForInference"/>; also when the checkpoint's tokenizer is not loaded.</exception>
    public OpenedCheckpoint Open(PluginCatalog plugins)
    {
        if (!Exists)
        {
            throw new CheckpointException($"No checkpoint in {Directory} ({CheckpointFiles.Manifest} is missing).", CheckpointProblem.Missing);
        }

        var manifest = ReadManifest();
        Folder.RemoveLeftoversIfNoWriter(manifest.Data ?? FolderCommit.Flat);
        var files = new SavedFiles(Directory, manifest);
        var tokenizerName = manifest.Tokenizer ?? TokenizerNames.Words;
        var tokenizer = plugins.Tokenizers.FirstOrDefault(p => string.Equals(p.Name, tokenizerName, StringComparison.OrdinalIgnoreCase))?.Plugin
            ?? throw new CheckpointException(
                $"The checkpoint in {Directory} was trained with the tokenizer '{tokenizerName}', which is not loaded; add its plugin to a plugins folder.",
                CheckpointProblem.TokenizerMissing);
        var statePath = files.Require(CheckpointFiles.Vocabulary);
        string state;
        try
        {
            state = TokenizerStateFile.Read(statePath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"The checkpoint in {Directory} is unusable: {e.Message}", e);
        }

        GuardedVocabulary vocabulary;
        try
        {
            vocabulary = TokenizerCalls.Load(tokenizer, tokenizerName, state);
        }
        catch (Exception e) when (e is InvalidDataException or TokenizerException)
        {
            // The tokenizer sees the state's text only: the file is named here.
            throw new CheckpointException($"The checkpoint in {Directory} is unusable: its tokenizer state {statePath} does not load: {e.Message}", e);
        }

        if (vocabulary.Count != manifest.Model.VocabularySize)
        {
            throw new CheckpointException(
                $"The checkpoint in {Directory} is inconsistent: {CheckpointFiles.Vocabulary} has {vocabulary.Count} ids but the model was built for {manifest.Model.VocabularySize}.");
        }

        return new OpenedCheckpoint(manifest, files, vocabulary);
    }

    /// <summary>The committed manifest, or null if there is none or it cannot be read.</summary>
    public CheckpointManifest? TryReadManifest()
    {
        try
        {
            return Exists ? ReadManifest() : null;
        }
        catch (CheckpointException)
        {
            return null;
        }
    }

    private string? CommittedFolder() => TryReadManifest()?.Data?.Folder;

    /// <param name="reason">What is wrong with the file, in one line.</param>
    public CheckpointException WeightsUnfit(ModelShape shape, string reason, Exception e) =>
        new($"The weights in {Path.Combine(Directory, CheckpointFiles.Weights)} do not fit a {Describe(shape)} model or are damaged: {reason}", e);

    private static string Describe(ModelShape shape) =>
        $"{shape.VocabularySize}-word, {shape.EmbeddingSize}/{shape.RnnSize}, {shape.Layers}-layer{(shape.TiedEmbeddings ? ", tied" : "")}";

    private CheckpointManifest ReadManifest()
    {
        var path = Folder.ManifestPath;
        if (!NativeFiles.IsRegularFile(path))
        {
            throw new CheckpointException($"{path} is not a regular file (a folder, FIFO, device or socket); a checkpoint holds plain files only.");
        }

        if (new FileInfo(path).Length > MaxManifestBytes)
        {
            throw new CheckpointException($"{path} is larger than a checkpoint manifest can be.");
        }

        CheckpointManifest? manifest;
        try
        {
            manifest = PlainJson.Read<CheckpointManifest>(File.ReadAllBytes(path), JsonDefaults.Options);
        }
        catch (InvalidDataException e)
        {
            throw new CheckpointException($"{path} is not a valid checkpoint manifest: {e.Message}.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"Cannot read {path}: {e.Message}", e);
        }

        if (manifest is null)
        {
            throw new CheckpointException($"{path} is empty.");
        }

        if (manifest.FormatVersion is not (CheckpointManifest.FlatFormatVersion or CheckpointManifest.CurrentFormatVersion))
        {
            throw new CheckpointException(
                $"{path} has format version {manifest.FormatVersion}; this build reads versions {CheckpointManifest.FlatFormatVersion} to {CheckpointManifest.CurrentFormatVersion}. Train a new model or use a matching build.");
        }

        return ManifestCheck.FindProblem(manifest) is { } problem
            ? throw new CheckpointException($"{path} is damaged or was not written by this app: {problem}.")
            : manifest;
    }
}
