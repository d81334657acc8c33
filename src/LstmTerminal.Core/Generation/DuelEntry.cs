namespace LstmTerminal.Core.Generation;

/// <summary>One sampler's completion in a <see cref="SamplerDuel"/>, with the figures that compare it.</summary>
/// <param name="Text">The completion as a text of its own (decoded, without the prime).</param>
/// <param name="AverageLogProbability">The mean natural log of the model's probability (temperature 1) of each chosen token.</param>
/// <param name="RepeatedBigrams">Generated bigrams of words (of the decoded text) that repeat an earlier bigram of the prime or completion.</param>
/// <param name="Error">Why the sampler produced nothing (a failing plugin), or null.</param>
public sealed record DuelEntry(string Sampler, IReadOnlyList<GeneratedToken> Tokens, string Text, double AverageLogProbability, int RepeatedBigrams, string? Error = null);
