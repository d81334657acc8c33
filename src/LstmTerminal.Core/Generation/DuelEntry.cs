namespace LstmTerminal.Core.Generation;

/// <summary>One sampler's completion in a <see cref="SamplerDuel"/>, with the figures that compare it.</summary>
/// <param name="AverageLogProbability">The mean natural log of the model's probability (temperature 1) of each chosen word.</param>
/// <param name="RepeatedBigrams">Generated bigrams that repeat an earlier bigram of the prime or completion.</param>
/// <param name="Error">Why the sampler produced nothing (a failing plugin), or null.</param>
public sealed record DuelEntry(string Sampler, IReadOnlyList<GeneratedWord> Words, double AverageLogProbability, int RepeatedBigrams, string? Error = null)
{
    public string Text => string.Join(' ', Words.Select(w => w.Word));
}
