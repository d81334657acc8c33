namespace LstmTerminal.Core.Generation;

/// <summary>The words most likely to follow a prime, most likely first, with the prime as the model read it.</summary>
public sealed record NextWords(PrimeEncoding Prime, IReadOnlyList<GeneratedWord> Words)
{
    /// <summary>The most words a caller may ask for: beyond that a list is no longer a suggestion.</summary>
    public const int MaxCount = 1000;
}
