using System.Text.Json.Serialization;
using LstmTerminal.Torch.Bench;

namespace LstmTerminal.Commands;

/// <summary>
/// Every <c>--json</c> document: its fields are the README's, in camelCase, led by <see cref="SchemaVersion"/>, which
/// changes only when a field is renamed or removed or changes meaning (adding one keeps the version).
/// </summary>
public abstract record JsonReport
{
    public const int CurrentSchemaVersion = 1;

    [JsonPropertyOrder(-1)]
    public int SchemaVersion => CurrentSchemaVersion;
}

/// <summary><c>train --json</c>.</summary>
/// <remarks><c>ValidationBitsPerCharacterNote</c> says why the bits per character are null when the tokenizer is lossy.</remarks>
public sealed record TrainReport(
    long Steps, int Epochs, double? Loss, double? ValidationLoss, double? ValidationPerplexity, double? ValidationBitsPerCharacter,
    string? ValidationBitsPerCharacterNote, double TokensPerSecond, int VocabularySize, double UnknownRate, string? Checkpoint, long? CheckpointStep,
    string StopReason, double ElapsedSeconds) : JsonReport;

/// <summary><c>eval --json</c>; the note as <see cref="TrainReport"/>'s.</summary>
public sealed record EvalReport(
    double ValidationLoss, double ValidationPerplexity, double? ValidationBitsPerCharacter, string? ValidationBitsPerCharacterNote, double UnknownRate,
    int VocabularySize) : JsonReport;

/// <summary><c>generate --json</c>.</summary>
public sealed record GenerateReport(string Prime, string Text, IReadOnlyList<WordReport> Words, IReadOnlyList<string> UnknownWords, string Sampler, int? Seed)
    : JsonReport;

/// <summary>A generated token (named "word" in the schema since version 1), the text it adds after the ones before it, and its probability.</summary>
public sealed record WordReport(string Word, string Piece, double Probability);

/// <summary><c>generate --compare --json</c>.</summary>
public sealed record DuelJsonReport(string Prime, IReadOnlyList<string> UnknownWords, int? Seed, int Words, IReadOnlyList<DuelResultReport> Results) : JsonReport;

/// <summary>One sampler's line of the duel.</summary>
public sealed record DuelResultReport(string Sampler, string Text, double AverageLogProbability, int RepeatedBigrams, string? Error);

/// <summary><c>suggest --json</c>.</summary>
public sealed record SuggestReport(string Prime, IReadOnlyList<string> UnknownWords, IReadOnlyList<TokenReport> Tokens) : JsonReport;

/// <summary>A token that may come next and the model's probability for it.</summary>
public sealed record TokenReport(string Token, double Probability);

/// <summary><c>plugins --json</c>.</summary>
public sealed record PluginsReport(IReadOnlyList<string> Directories, IReadOnlyList<PluginRow> Plugins, IReadOnlyList<PluginErrorRow> Errors) : JsonReport;

/// <summary>A loaded plugin as <c>plugins</c> lists it.</summary>
public sealed record PluginRow(string Name, string Kind, string Version, string Source, string Path, string Description);

/// <summary>A plugin folder that did not load.</summary>
public sealed record PluginErrorRow(string Folder, string Message);

/// <summary><c>bench --json</c>.</summary>
public sealed record BenchJsonReport(
    double TrainTokensPerSecond, double TrainCharactersPerSecond, double GenerateMsPerWord, double GemmGflops, double FlopsPerToken, double BoundFraction,
    StepShares StepShares, double PeakWorkingSetMb, int TimedSteps, int VocabularySize) : JsonReport;
