using System.Text.Json;
using LstmTerminal.Core.Files;

namespace LstmTerminal.Core.Game;

/// <summary>
/// The best game played on a checkpoint, kept beside it in <see cref="FileName"/> (written whole or not at all). Best
/// means most player hits; of equal hits, the one played first stays.
/// </summary>
public sealed class BestScoreFile(string checkpointDirectory)
{
    public const string FileName = "game-best.json";

    private const long MaxBytes = 64 * 1024;

    public string Path { get; } = System.IO.Path.Combine(checkpointDirectory, FileName);

    /// <summary>The best so far, or null when none was kept or the file cannot be read (then the next game replaces it).</summary>
    public BestScore? Read()
    {
        try
        {
            return SmallTextFile.Read(Path, MaxBytes) is { } json ? JsonSerializer.Deserialize<BestScore>(json) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Keeps <paramref name="score"/> if it beats the best so far; returns whether it did.</summary>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public bool Offer(BestScore score)
    {
        if (Read() is { } best && best.PlayerHits >= score.PlayerHits)
        {
            return false;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        AtomicTextFile.Write(Path, JsonSerializer.Serialize(score));
        return true;
    }
}

/// <summary>A finished game as it is kept: the player's and the model's hits of how many rounds, on which seed.</summary>
public sealed record BestScore(int PlayerHits, int ModelHits, int Rounds, double AverageTruthProbability, int Seed);
