namespace LstmTerminal.Core.Generation;

/// <summary>
/// How to complete a phrase: from the <c>Sampling</c> options, the generate verb or the console's commands, which all
/// hold it to the same limits (the constants below, checked by <see cref="Invalid"/>), and, with its seed chosen, what
/// the generator and the training samples use. The defaults are the recipe's.
/// </summary>
public sealed record SamplingSettings
{
    public const double MaxTemperature = 100;
    public const int MinWords = 1;
    public const int MaxWords = 10_000;
    public const int MaxTopK = 1_000_000;
    public const double MaxRepetitionPenalty = 10;
    public const int MinNoRepeatNgram = 2;
    public const int MaxNoRepeatNgram = 10;
    public const int MaxBeamWidth = 64;

    /// <summary>A sampler plugin's name, or <see cref="BeamSearch.SamplerName"/>.</summary>
    public string Sampler { get; init; } = "temperature";

    public double Temperature { get; init; } = 0.8;

    public int Words { get; init; } = 10;

    /// <summary>Null draws a new seed for each completion (and reports it); the generator needs one chosen.</summary>
    public int? Seed { get; init; }

    /// <summary>0 leaves k to the top-k sampler's own setting.</summary>
    public int TopK { get; init; }

    /// <summary>1 leaves p to the nucleus sampler's own setting.</summary>
    public double TopP { get; init; } = 1.0;

    /// <summary>1 is off; above 1 makes every word already generated less likely.</summary>
    public double RepetitionPenalty { get; init; } = 1.0;

    /// <summary>0 is off; n of 1 would forbid every word already present, so only 0 or n ≥ 2 is valid.</summary>
    public int NoRepeatNgram { get; init; }

    public int BeamWidth { get; init; } = 4;

    public bool IsBeam => BeamSearch.IsNamed(Sampler);

    /// <summary>The names of the settings outside their limits, in declaration order; empty when every one is valid.</summary>
    public IReadOnlyList<string> Invalid()
    {
        var invalid = new List<string>();
        Check(!string.IsNullOrWhiteSpace(Sampler), nameof(Sampler));
        Check(Temperature is > 0 and <= MaxTemperature, nameof(Temperature));
        Check(Words is >= MinWords and <= MaxWords, nameof(Words));
        Check(TopK is >= 0 and <= MaxTopK, nameof(TopK));
        Check(TopP is > 0 and <= 1, nameof(TopP));
        Check(RepetitionPenalty is >= 1 and <= MaxRepetitionPenalty, nameof(RepetitionPenalty));
        Check(NoRepeatNgram is 0 or (>= MinNoRepeatNgram and <= MaxNoRepeatNgram), nameof(NoRepeatNgram));
        Check(BeamWidth is >= 1 and <= MaxBeamWidth, nameof(BeamWidth));
        return invalid;

        void Check(bool valid, string setting)
        {
            if (!valid)
            {
                invalid.Add(setting);
            }
        }
    }
}
