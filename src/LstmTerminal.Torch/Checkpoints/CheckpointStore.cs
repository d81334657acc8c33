using LstmTerminal.Core;
using System.Security.Cryptography;
using System.Text.Json;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Text;
using LstmTerminal.Core.Training;
using TorchSharp.Modules;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Model;
using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Torch.Checkpoints;

/// <summary>
/// One checkpoint folder. The folder belongs to the user: the store creates, replaces and deletes only the names of
/// <see cref="CheckpointFiles"/>, and never moves or deletes the folder itself (a symlinked folder, "." and "ck/" all
/// work). A save writes its data files, complete and flushed, into a subfolder of their own, then commits by renaming
/// a new <c>checkpoint.json</c> over the old one: killed at any moment, it leaves the previous checkpoint whole. After
/// the commit it deletes its own older data folders but keeps the previous one for readers still on it. One process
/// writes at a time (<see cref="Lock"/>); readers take no lock, and remove a killed save's leftovers only when no
/// writer holds the folder.
/// </summary>
public sealed class CheckpointStore
{
    private const long MaxManifestBytes = 64L * 1024 * 1024;

    private readonly Lock _gate = new();
    private CheckpointLock? _lock;

    public CheckpointStore(string directory)
    {
        // Trimmed so that "ck/" and "ck" are one folder, in messages as on disk.
        Directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
    }

    public string Directory { get; }

    /// <summary>True when the folder holds a manifest: a save was committed there.</summary>
    public bool Exists => File.Exists(ManifestPath);

    private string ManifestPath => Path.Combine(Directory, CheckpointFiles.Manifest);

    /// <summary>
    /// Refuses, without creating anything, a path that cannot become a checkpoint folder: a file, a symbolic link that
    /// leads nowhere (or in a loop), or a path below a file.
    /// </summary>
    /// <exception cref="CheckpointException">The message names the path and the problem.</exception>
    public void CheckUsable()
    {
        for (var path = Directory; path is not null; path = Path.GetDirectoryName(path))
        {
            if (System.IO.Directory.Exists(path))
            {
                return;
            }

            // The link first: .NET counts a link that leads nowhere as an existing file.
            var what = path == Directory ? "The checkpoint folder" : $"The checkpoint folder {Directory} lies below";
            if (new FileInfo(path).LinkTarget is not null)
            {
                throw new CheckpointException($"{what} {path} is a symbolic link that leads nowhere (or in a loop). Fix the link or choose another folder.");
            }

            if (File.Exists(path))
            {
                throw new CheckpointException($"{what} {path} is a file. Point --checkpoint-dir (Training:CheckpointDirectory) at a folder.");
            }
        }
    }

    /// <summary>
    /// Makes this store the folder's only writer until the lock is disposed: creates the folder if needed and removes
    /// what killed saves left behind. A killed holder's lock is released by the kernel.
    /// </summary>
    /// <exception cref="CheckpointException">Another process (or store) holds the folder, or it cannot be created or written.</exception>
    public CheckpointLock Lock()
    {
        CheckUsable();
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"Cannot create the checkpoint folder {Directory}: {e.Message}", e);
        }

        lock (_gate)
        {
            if (_lock is not null)
            {
                throw new InvalidOperationException($"This store already holds the lock of {Directory}.");
            }

            _lock = CheckpointLock.TryTake(Directory, Released) ?? throw new CheckpointException(
                $"Another trainer is using the checkpoint folder {Directory} (it holds {CheckpointFiles.Lock}). Wait for it to finish, or train into another folder.");
        }

        RemoveLeftovers(KeptBy(TryReadManifest()));
        return _lock;
    }

    /// <param name="average">When given, model.bin gets the averaged weights (what inference uses) and the raw ones go beside them.</param>
    /// <exception cref="CheckpointException">Nothing was committed; the previous checkpoint is unchanged.</exception>
    public void Save(CheckpointManifest manifest, Vocabulary vocabulary, LstmLanguageModel model, OptimizerHelper optimizer, LstmState? carriedState, WeightAverage? average = null)
    {
        CheckpointLock? held;
        try
        {
            held = HoldsLock ? null : Lock();
        }
        catch (CheckpointException e)
        {
            throw SaveFailed(e);
        }

        using (held)
        {
            var replaced = TryReadManifest();
            var committed = Commit(manifest, replaced, folder => WriteDataFiles(folder, vocabulary, model, optimizer, carriedState, average));
            FlushFolder();
            RemoveReplacedGenerations(committed, replaced);
        }
    }

    /// <summary>Writes the data files into a new data folder and renames a manifest naming them over the old one.</summary>
    private CheckpointData Commit(CheckpointManifest manifest, CheckpointManifest? replaced, Action<string> writeDataFiles)
    {
        var id = CheckpointFiles.NewId();
        var writing = Path.Combine(Directory, CheckpointFiles.TemporaryFolder(id));
        var folder = CheckpointFiles.DataFolder(manifest.Step, id);
        var nextManifest = Path.Combine(Directory, CheckpointFiles.TemporaryManifest(id));
        try
        {
            System.IO.Directory.CreateDirectory(writing);
            writeDataFiles(writing);
            var files = Seal(writing);
            System.IO.Directory.Move(writing, Path.Combine(Directory, folder));
            var data = new CheckpointData(folder, files, replaced is null ? null : replaced.Data?.Folder ?? CheckpointFiles.FlatLayout);
            WriteManifest(manifest with { FormatVersion = CheckpointManifest.CurrentFormatVersion, SavedAt = DateTimeOffset.UtcNow, Data = data }, nextManifest);
            // The commit: rename(2) replaces the manifest atomically.
            File.Move(nextManifest, ManifestPath, overwrite: true);
            return data;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(new DirectoryInfo(writing));
            TryDelete(new DirectoryInfo(Path.Combine(Directory, folder)));
            TryDelete(new FileInfo(nextManifest));
            throw SaveFailed(e);
        }
    }

    private CheckpointException SaveFailed(Exception e) =>
        new($"Could not save the checkpoint to {Directory}: {Sentence.Close(e.Message)} The previous checkpoint, if any, is unchanged.", e);

    /// <summary>
    /// Moves an unreadable checkpoint (the manifest and every name the store owns) into a new subfolder of the folder,
    /// deleting nothing, so a fresh run can start there; returns the subfolder.
    /// </summary>
    public string SetAside()
    {
        using var held = HoldsLock ? null : Lock();
        var aside = Path.Combine(Directory, $"unreadable-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        System.IO.Directory.CreateDirectory(aside);
        foreach (var entry in new DirectoryInfo(Directory).EnumerateFileSystemInfos())
        {
            if (entry.Name != CheckpointFiles.Lock && (entry.Name == CheckpointFiles.Manifest || IsOwned(entry.Name) || CheckpointFiles.DataFiles.Contains(entry.Name)))
            {
                var target = Path.Combine(aside, entry.Name);
                if (entry is DirectoryInfo folder)
                {
                    folder.MoveTo(target);
                }
                else
                {
                    ((FileInfo)entry).MoveTo(target);
                }
            }
        }

        return aside;
    }

    public LoadedCheckpoint Load()
    {
        var (manifest, files, vocabulary) = Open();
        var weights = files.Require(CheckpointFiles.Weights);
        try
        {
            // Checked without libtorch first: it would allocate the model the file claims before noticing a mismatch.
            WeightsFile.Check(weights, manifest.Model);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw WeightsUnfit(manifest.Model, e);
        }

        var model = SeededRandom.DrawUnseeded(() => new LstmLanguageModel(manifest.Model));
        try
        {
            model.load(weights, strict: true);
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            model.Dispose();
            throw WeightsUnfit(manifest.Model, e);
        }

        return new LoadedCheckpoint(this, manifest, vocabulary, model, files);
    }

    /// <summary>
    /// The checkpoint's weights as plain arrays, read without libtorch (loading it would dominate a one-off
    /// <c>generate</c>); nothing on this path may touch a TorchSharp type, or the JIT loads the native library anyway.
    /// </summary>
    public InferenceCheckpoint LoadForInference()
    {
        var (manifest, files, vocabulary) = Open();
        var weights = files.Require(CheckpointFiles.Weights);
        try
        {
            return new InferenceCheckpoint(manifest, vocabulary, WeightsFile.Read(weights, manifest.Model));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw WeightsUnfit(manifest.Model, e);
        }
    }

    /// <summary>The manifest, the files of its save and the vocabulary, each checked; cleans up if no writer is at work.</summary>
    private (CheckpointManifest Manifest, SavedFiles Files, Vocabulary Vocabulary) Open()
    {
        if (!Exists)
        {
            throw new CheckpointException($"No checkpoint in {Directory} ({CheckpointFiles.Manifest} is missing). Train first, or point --checkpoint-dir at a checkpoint folder.");
        }

        var manifest = ReadManifest();
        RemoveLeftoversIfNoWriter(manifest);
        var files = new SavedFiles(Directory, manifest);
        var vocabularyPath = files.Require(CheckpointFiles.Vocabulary);
        Vocabulary vocabulary;
        try
        {
            vocabulary = VocabularyFile.Read(vocabularyPath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"The checkpoint in {Directory} is unusable: {e.Message}", e);
        }

        if (vocabulary.Count != manifest.Model.VocabularySize)
        {
            throw new CheckpointException(
                $"The checkpoint in {Directory} is inconsistent: {CheckpointFiles.Vocabulary} has {vocabulary.Count} ids but the model was built for {manifest.Model.VocabularySize}.");
        }

        return (manifest, files, vocabulary);
    }

    private CheckpointException WeightsUnfit(ModelShape shape, Exception e) =>
        new($"The weights in {Path.Combine(Directory, CheckpointFiles.Weights)} do not fit a {Describe(shape)} model or are damaged: {TorchErrors.Summary(e)}", e);

    private static string Describe(ModelShape shape) =>
        $"{shape.VocabularySize}-word, {shape.EmbeddingSize}/{shape.RnnSize}, {shape.Layers}-layer{(shape.TiedEmbeddings ? ", tied" : "")}";

    private CheckpointManifest ReadManifest()
    {
        var path = ManifestPath;
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
            using var stream = File.OpenRead(path);
            manifest = JsonSerializer.Deserialize<CheckpointManifest>(stream, JsonDefaults.Options);
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"{path} is not a valid checkpoint manifest: {e.Message}", e);
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

    /// <summary>The committed manifest, or null if there is none or it cannot be read.</summary>
    private CheckpointManifest? TryReadManifest()
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

    private static void WriteDataFiles(string folder, Vocabulary vocabulary, LstmLanguageModel model, OptimizerHelper optimizer, LstmState? carriedState, WeightAverage? average)
    {
        if (average is null)
        {
            model.save(Path.Combine(folder, CheckpointFiles.Weights));
        }
        else
        {
            model.save(Path.Combine(folder, CheckpointFiles.TrainingWeights));
            using var averaged = average.SwappedIn();
            model.save(Path.Combine(folder, CheckpointFiles.Weights));
        }

        optimizer.save_state_dict(Path.Combine(folder, CheckpointFiles.Optimizer));
        if (carriedState is not null)
        {
            CarriedStateFile.Write(carriedState, Path.Combine(folder, CheckpointFiles.CarriedState));
        }

        VocabularyFile.Write(vocabulary, Path.Combine(folder, CheckpointFiles.Vocabulary));
    }

    /// <summary>Flushes every file of the folder and the folder itself to disk, and lists them with size and hash.</summary>
    private static List<CheckpointFileEntry> Seal(string folder)
    {
        var entries = new List<CheckpointFileEntry>();
        foreach (var path in System.IO.Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            NativeFiles.FlushToDisk(path);
            using var stream = File.OpenRead(path);
            entries.Add(new CheckpointFileEntry(Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream))));
        }

        NativeFiles.FlushToDisk(folder);
        return entries;
    }

    private static void WriteManifest(CheckpointManifest manifest, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, manifest, JsonDefaults.Options);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>After a commit; a failure here leaves a committed save that a power cut might undo, nothing worse.</summary>
    private void FlushFolder()
    {
        try
        {
            NativeFiles.FlushToDisk(Directory);
        }
        catch (IOException)
        {
            // The rename is done and visible; only its durability across a power cut is in doubt.
        }
    }

    /// <summary>
    /// Deletes the store's data folders that neither the new save nor the one it replaced use, and the format-1 files
    /// once the save that replaced them has itself been replaced; the caller holds the lock.
    /// </summary>
    private void RemoveReplacedGenerations(CheckpointData committed, CheckpointManifest? replaced)
    {
        RemoveLeftovers(new HashSet<string>(StringComparer.Ordinal) { committed.Folder, committed.Previous ?? committed.Folder });
        if (replaced?.Data?.Previous == CheckpointFiles.FlatLayout)
        {
            foreach (var name in CheckpointFiles.DataFiles)
            {
                TryDelete(new FileInfo(Path.Combine(Directory, name)));
            }
        }
    }

    /// <summary>The data folders a manifest needs: its own and the previous one; none without a manifest; all (null) if it is unreadable.</summary>
    private IReadOnlySet<string>? KeptBy(CheckpointManifest? manifest)
    {
        if (manifest is null)
        {
            return Exists ? null : new HashSet<string>();
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        if (manifest.Data is { } data)
        {
            kept.Add(data.Folder);
            if (data.Previous is not null)
            {
                kept.Add(data.Previous);
            }
        }

        return kept;
    }

    private void RemoveLeftoversIfNoWriter(CheckpointManifest manifest)
    {
        var kept = KeptBy(manifest);
        if (!Leftovers(kept).Any())
        {
            return;
        }

        if (HoldsLock)
        {
            RemoveLeftovers(kept);
            return;
        }

        // A writer at work owns its temporaries; a read-only folder keeps its leftovers until a writer comes.
        CheckpointLock? taken;
        try
        {
            lock (_gate)
            {
                taken = _lock = CheckpointLock.TryTake(Directory, Released);
            }
        }
        catch (CheckpointException)
        {
            return;
        }

        if (taken is not null)
        {
            using (taken)
            {
                RemoveLeftovers(kept);
            }
        }
    }

    /// <summary>Temporaries of saves that were killed (only a writer's own lock makes them safe to delete) and unneeded data folders.</summary>
    private void RemoveLeftovers(IReadOnlySet<string>? kept)
    {
        foreach (var entry in Leftovers(kept))
        {
            TryDelete(entry);
        }
    }

    private IEnumerable<FileSystemInfo> Leftovers(IReadOnlySet<string>? kept) =>
        new DirectoryInfo(Directory).EnumerateFileSystemInfos().Where(entry =>
            CheckpointFiles.IsTemporaryFolder(entry.Name) || CheckpointFiles.IsTemporaryManifest(entry.Name)
            || (kept is not null && CheckpointFiles.IsDataFolder(entry.Name) && !kept.Contains(entry.Name)));

    private static bool IsOwned(string name) =>
        CheckpointFiles.IsDataFolder(name) || CheckpointFiles.IsTemporaryFolder(name) || CheckpointFiles.IsTemporaryManifest(name);

    private bool HoldsLock
    {
        get
        {
            lock (_gate)
            {
                return _lock is not null;
            }
        }
    }

    private void Released()
    {
        lock (_gate)
        {
            _lock = null;
        }
    }

    private static void TryDelete(FileSystemInfo entry)
    {
        try
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover is harmless: the next writer removes it.
        }
    }
}
