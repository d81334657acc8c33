using System.Text.RegularExpressions;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// The names an <see cref="AtomicFolder"/> owns inside the user's folder; everything else in it is never touched.
/// <code>
/// checkpoint.json              the manifest: names the data folder of the commit and each file's size and hash
/// checkpoint.lock              held (flock) by the one writer of the folder
/// step-120-0a1b2c3d4e5f/       a commit's data files; the manifest's and the one before it are kept
/// .saving-0a1b2c3d4e5f/        a commit being written (a stray one is left by a killed writer)
/// .checkpoint.json.0a1b….tmp   the next manifest before it is renamed over the current one
/// </code>
/// (shown with a checkpoint's names). An older flat layout kept its data files beside the manifest.
/// </summary>
public sealed partial class FolderNames
{
    /// <summary>What a commit records as its predecessor's data folder when that one's files lay beside the manifest.</summary>
    public const string FlatLayout = ".";

    private const string TemporaryFolderPrefix = ".saving-";

    private readonly string _dataFolderPrefix;
    private readonly Regex _dataFolder;
    private readonly Regex _temporaryManifest;

    /// <param name="dataFolderPrefix">Data folders are named by it, a number (e.g. the step) and an id.</param>
    /// <param name="flatFiles">The data files of the flat layout, removed once no commit refers to them.</param>
    public FolderNames(string manifest, string lockFile, string dataFolderPrefix, IReadOnlySet<string> flatFiles)
    {
        Manifest = manifest;
        Lock = lockFile;
        FlatFiles = flatFiles;
        _dataFolderPrefix = dataFolderPrefix;
        _dataFolder = new Regex($"^{Regex.Escape(dataFolderPrefix)}[0-9]{{1,19}}-[0-9a-f]{{12}}$", RegexOptions.CultureInvariant);
        _temporaryManifest = new Regex($"^\\.{Regex.Escape(manifest)}\\.[0-9a-f]{{12}}\\.tmp$", RegexOptions.CultureInvariant);
    }

    public string Manifest { get; }

    public string Lock { get; }

    public IReadOnlySet<string> FlatFiles { get; }

    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    public string DataFolder(long number, string id) => $"{_dataFolderPrefix}{number}-{id}";

    public static string TemporaryFolder(string id) => TemporaryFolderPrefix + id;

    public string TemporaryManifest(string id) => $".{Manifest}.{id}.tmp";

    public bool IsDataFolder(string name) => _dataFolder.IsMatch(name);

    public static bool IsTemporaryFolder(string name) => TemporaryFolderName().IsMatch(name);

    public bool IsTemporaryManifest(string name) => _temporaryManifest.IsMatch(name);

    /// <summary>A data folder or a temporary: the names the folder creates and deletes on its own.</summary>
    public bool IsOwned(string name) => IsDataFolder(name) || IsTemporaryFolder(name) || IsTemporaryManifest(name);

    [GeneratedRegex("^\\.saving-[0-9a-f]{12}$")]
    private static partial Regex TemporaryFolderName();
}
