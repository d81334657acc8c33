namespace LstmTerminal.Core.Game;

/// <summary>How a round went: the player's guess and the model's top word against the truth, and the truth's probability.</summary>
public sealed record RoundResult
{
    public required GameRound Round { get; init; }

    /// <summary>The guess without the spaces and punctuation around it.</summary>
    public required string Guess { get; init; }

    public required bool PlayerHit { get; init; }

    public required string ModelGuess { get; init; }

    public required bool ModelHit { get; init; }

    /// <summary>The model's own probability (temperature 1) that its next tokens spell the true word.</summary>
    public required double TruthProbability { get; init; }
}
