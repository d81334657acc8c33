namespace LstmTerminal.Core.Game;

/// <summary>Player against model after some rounds: hits each, and the model's average probability of the truth.</summary>
public sealed record GameScore(int Rounds, int PlayerHits, int ModelHits, double AverageTruthProbability)
{
    public static readonly GameScore Empty = new(0, 0, 0, 0);

    public GameScore Add(RoundResult result) => new(
        Rounds + 1,
        PlayerHits + (result.PlayerHit ? 1 : 0),
        ModelHits + (result.ModelHit ? 1 : 0),
        (AverageTruthProbability * Rounds + result.TruthProbability) / (Rounds + 1));
}
