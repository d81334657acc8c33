using System.ComponentModel.DataAnnotations;

namespace LstmTerminal.Core.Options;

public sealed class SamplingOptions
{
    public const string Section = "Sampling";

    [Required(ErrorMessage = "Sampling:Sampler must name a sampler plugin, e.g. greedy or temperature.")]
    public string Sampler { get; set; } = "temperature";

    [Range(1e-6, 100.0, ErrorMessage = "Sampling:Temperature must be greater than 0 and at most 100.")]
    public double Temperature { get; set; } = 0.8;

    [Range(1, 10_000, ErrorMessage = "Sampling:Words must be between 1 and 10000.")]
    public int Words { get; set; } = 10;

    public int? Seed { get; set; }
}
