namespace LstmTerminal.Core.Generation;

/// <summary>The tokens most likely to follow a prime, most likely first, with the prime as the model read it.</summary>
public sealed record NextTokens(PrimeEncoding Prime, IReadOnlyList<GeneratedToken> Tokens)
{
    /// <summary>The most tokens a caller may ask for: beyond that a list is no longer a suggestion.</summary>
    public const int MaxCount = 1000;
}
