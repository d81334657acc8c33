namespace LstmTerminal.Core.Generation;

/// <summary>How many words to generate, the sampler settings for them and the repetition controls.</summary>
/// <param name="RepetitionPenalty">1 is off; above 1 divides a positive logit (multiplies a negative one) of every word already generated.</param>
/// <param name="NoRepeatNgram">0 is off; n ≥ 2 forbids any word that would repeat an n-gram of the prime and generated text.</param>
public sealed record GenerationSettings(
    int Words,
    double Temperature,
    int Seed,
    int TopK = 0,
    double TopP = 1.0,
    double RepetitionPenalty = 1.0,
    int NoRepeatNgram = 0);
