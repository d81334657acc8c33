namespace LstmTerminal.Core.Generation;

/// <summary>
/// One completion's settings as the generator uses them: <see cref="SamplingSettings.ForSeed"/> makes them from what a
/// person chose, with the seed resolved; the training samples keep one for a whole run.
/// </summary>
public sealed record GenerationSettings
{
    public required int Words { get; init; }

    public required double Temperature { get; init; }

    public required int Seed { get; init; }

    /// <summary>0 leaves k to the top-k sampler's own setting.</summary>
    public int TopK { get; init; }

    /// <summary>1 leaves p to the nucleus sampler's own setting.</summary>
    public double TopP { get; init; } = 1.0;

    /// <summary>1 is off; above 1 divides a positive logit (multiplies a negative one) of every word already generated.</summary>
    public double RepetitionPenalty { get; init; } = 1.0;

    /// <summary>0 is off; n ≥ 2 forbids any word that would repeat an n-gram of the prime and generated text.</summary>
    public int NoRepeatNgram { get; init; }
}
