using System.ComponentModel.DataAnnotations;
using LstmTerminal.Core.Generation;

namespace LstmTerminal.Core.Options;

public sealed class SamplingOptions : IValidatableObject
{
    public const string Section = "Sampling";

    [Required(ErrorMessage = "Sampling:Sampler must name a sampler plugin, e.g. greedy or temperature.")]
    public string Sampler { get; set; } = "temperature";

    [Range(1e-6, 100.0, ErrorMessage = "Sampling:Temperature must be greater than 0 and at most 100.")]
    public double Temperature { get; set; } = 0.8;

    [Range(1, 10_000, ErrorMessage = "Sampling:Words must be between 1 and 10000.")]
    public int Words { get; set; } = 10;

    public int? Seed { get; set; }

    /// <summary>0 leaves k to the top-k plugin's own setting.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Sampling:TopK must be between 0 (the plugin's own K) and 1000000.")]
    public int TopK { get; set; }

    /// <summary>1 leaves p to the nucleus plugin's own setting.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, ErrorMessage = "Sampling:TopP must be greater than 0 and at most 1 (1 = the plugin's own P).")]
    public double TopP { get; set; } = 1.0;

    [Range(1.0, 10.0, ErrorMessage = "Sampling:RepetitionPenalty must be between 1 (off) and 10.")]
    public double RepetitionPenalty { get; set; } = 1.0;

    /// <summary>0 is off; n of 1 would forbid every word already present, so it is refused.</summary>
    [Range(0, 10, ErrorMessage = "Sampling:NoRepeatNgram must be 0 (off) or between 2 and 10.")]
    public int NoRepeatNgram { get; set; }

    [Range(1, BeamSearch.MaxWidth, ErrorMessage = "Sampling:BeamWidth must be between 1 and 64.")]
    public int BeamWidth { get; set; } = 4;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (NoRepeatNgram == 1)
        {
            yield return new ValidationResult("Sampling:NoRepeatNgram must be 0 (off) or between 2 and 10.", [nameof(NoRepeatNgram)]);
        }
    }

    /// <summary>The generation settings these options describe, with the seed the caller resolved.</summary>
    public GenerationSettings ToGenerationSettings(int seed) =>
        new(Words, Temperature, seed, TopK, TopP, RepetitionPenalty, NoRepeatNgram);
}
