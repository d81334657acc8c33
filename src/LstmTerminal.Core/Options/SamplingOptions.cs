using System.ComponentModel.DataAnnotations;
using LstmTerminal.Core.Generation;
using static System.FormattableString;

namespace LstmTerminal.Core.Options;

/// <summary>The <c>Sampling</c> section: the <see cref="SamplingSettings"/> a completion starts from, under their limits.</summary>
public sealed class SamplingOptions : IValidatableObject
{
    public const string Section = "Sampling";

    private static readonly SamplingSettings Defaults = new();

    public string Sampler { get; set; } = Defaults.Sampler;

    public double Temperature { get; set; } = Defaults.Temperature;

    public int Words { get; set; } = Defaults.Words;

    public int? Seed { get; set; }

    /// <summary>0 leaves k to the top-k plugin's own setting.</summary>
    public int TopK { get; set; } = Defaults.TopK;

    /// <summary>1 leaves p to the nucleus plugin's own setting.</summary>
    public double TopP { get; set; } = Defaults.TopP;

    public double RepetitionPenalty { get; set; } = Defaults.RepetitionPenalty;

    public int NoRepeatNgram { get; set; } = Defaults.NoRepeatNgram;

    public int BeamWidth { get; set; } = Defaults.BeamWidth;

    /// <summary>One message per setting out of its limits, naming its key and the allowed range.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ToSettings().Invalid().Select(setting => new ValidationResult(Message(setting), [setting]));

    public SamplingSettings ToSettings() => new()
    {
        Sampler = Sampler,
        Temperature = Temperature,
        Words = Words,
        Seed = Seed,
        TopK = TopK,
        TopP = TopP,
        RepetitionPenalty = RepetitionPenalty,
        NoRepeatNgram = NoRepeatNgram,
        BeamWidth = BeamWidth,
    };

    private static string Message(string setting) => setting switch
    {
        nameof(Sampler) => Invariant($"{Section}:{setting} must name a sampler plugin, e.g. greedy or temperature."),
        nameof(Temperature) => Invariant($"{Section}:{setting} must be greater than 0 and at most {SamplingSettings.MaxTemperature}."),
        nameof(Words) => Invariant($"{Section}:{setting} must be between {SamplingSettings.MinWords} and {SamplingSettings.MaxWords}."),
        nameof(TopK) => Invariant($"{Section}:{setting} must be between 0 (the plugin's own K) and {SamplingSettings.MaxTopK}."),
        nameof(TopP) => Invariant($"{Section}:{setting} must be greater than 0 and at most 1 (1 = the plugin's own P)."),
        nameof(RepetitionPenalty) => Invariant($"{Section}:{setting} must be between 1 (off) and {SamplingSettings.MaxRepetitionPenalty}."),
        nameof(NoRepeatNgram) => Invariant($"{Section}:{setting} must be 0 (off) or between {SamplingSettings.MinNoRepeatNgram} and {SamplingSettings.MaxNoRepeatNgram}."),
        nameof(BeamWidth) => Invariant($"{Section}:{setting} must be between 1 and {SamplingSettings.MaxBeamWidth}."),
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "Not a sampling setting."),
    };
}
