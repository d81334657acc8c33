namespace LstmTerminal.Core.Generation;

/// <summary>The words most likely to follow a prime, most likely first, with the prime as the model read it.</summary>
public sealed record NextWords(PrimeEncoding Prime, IReadOnlyList<GeneratedWord> Words);
