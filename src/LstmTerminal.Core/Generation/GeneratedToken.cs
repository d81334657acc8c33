namespace LstmTerminal.Core.Generation;

/// <summary>One generated token and the model's probability of it (softmax at temperature 1).</summary>
/// <param name="Piece">The text the token adds after the ones before it, the prime's included (<c>ITokenVocabulary.DecodePiece</c>):
/// joined, the pieces are the text as the corpus writes it (" more" at the word level, "\n" at the character level).</param>
/// <param name="Label">The token on its own (<c>ITokenVocabulary.DisplayText</c>), for lists of candidates.</param>
public sealed record GeneratedToken(int Id, string Piece, string Label, double Probability)
{
    /// <summary>Below this probability a token is one the model hardly expected; the console marks the word it is in.</summary>
    public const double UnlikelyBelow = 0.02;

    public bool IsUnlikely => Probability < UnlikelyBelow;
}
