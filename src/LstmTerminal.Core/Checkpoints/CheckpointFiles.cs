using System.Text.RegularExpressions;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// The names the app owns inside a checkpoint folder; everything else in it belongs to the user and is never touched.
/// <code>
/// checkpoint.json              the commit record: names the data folder of the save and each file's size and hash
/// checkpoint.lock              held (flock) by the one trainer writing the folder
/// step-120-0a1b2c3d4e5f/       a complete save's data files; the manifest's and the one before it are kept
/// .saving-0a1b2c3d4e5f/        a save being written (a stray one is left by a killed save)
/// .checkpoint.json.0a1b….tmp   the next manifest before it is renamed over checkpoint.json
/// </code>
/// Format 1 kept the data files directly beside the manifest; they are still read.
/// </summary>
internal static partial class CheckpointFiles
{
    public const string Weights = "model.bin";

    /// <summary>The raw weights training continues from, when model.bin holds their average.</summary>
    public const string TrainingWeights = "training-weights.bin";
    public const string Optimizer = "optimizer.bin";
    public const string CarriedState = "lstm-state.bin";
    public const string Vocabulary = "vocab.json";
    public const string Manifest = "checkpoint.json";
    public const string Lock = "checkpoint.lock";

    /// <summary>What <see cref="CheckpointData.Previous"/> says when the save it replaced was a format-1 folder.</summary>
    public const string FlatLayout = ".";

    /// <summary>Every data file a save may write; a manifest naming any other file is refused.</summary>
    public static readonly IReadOnlySet<string> DataFiles = new HashSet<string>(StringComparer.Ordinal)
    {
        Weights, TrainingWeights, Optimizer, CarriedState, Vocabulary,
    };

    private const string TemporaryFolderPrefix = ".saving-";
    private const string TemporaryManifestPrefix = ".checkpoint.json.";

    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    public static string DataFolder(long step, string id) => $"step-{step}-{id}";

    public static string TemporaryFolder(string id) => TemporaryFolderPrefix + id;

    public static string TemporaryManifest(string id) => $"{TemporaryManifestPrefix}{id}.tmp";

    public static bool IsDataFolder(string name) => DataFolderName().IsMatch(name);

    public static bool IsTemporaryFolder(string name) => TemporaryFolderName().IsMatch(name);

    public static bool IsTemporaryManifest(string name) => TemporaryManifestName().IsMatch(name);

    [GeneratedRegex("^step-[0-9]{1,19}-[0-9a-f]{12}$")]
    private static partial Regex DataFolderName();

    [GeneratedRegex("^\\.saving-[0-9a-f]{12}$")]
    private static partial Regex TemporaryFolderName();

    [GeneratedRegex("^\\.checkpoint\\.json\\.[0-9a-f]{12}\\.tmp$")]
    private static partial Regex TemporaryManifestName();
}
