using System.ComponentModel.DataAnnotations;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Options;

namespace LstmTerminal.Core.Tests.Options;

/// <summary>The <c>Sampling</c> section holds the limits of <see cref="SamplingSettings"/>, with messages that name the key and the range.</summary>
public sealed class SamplingOptionsTests
{
    [Theory]
    [InlineData(nameof(SamplingOptions.Sampler), "", "Sampling:Sampler must name a sampler plugin, e.g. greedy or temperature.")]
    [InlineData(nameof(SamplingOptions.Temperature), 0.0, "Sampling:Temperature must be greater than 0 and at most 100.")]
    [InlineData(nameof(SamplingOptions.Words), 10_001, "Sampling:Words must be between 1 and 10000.")]
    [InlineData(nameof(SamplingOptions.TopK), -1, "Sampling:TopK must be between 0 (the plugin's own K) and 1000000.")]
    [InlineData(nameof(SamplingOptions.TopP), 1.5, "Sampling:TopP must be greater than 0 and at most 1 (1 = the plugin's own P).")]
    [InlineData(nameof(SamplingOptions.RepetitionPenalty), 11.0, "Sampling:RepetitionPenalty must be between 1 (off) and 10.")]
    [InlineData(nameof(SamplingOptions.NoRepeatNgram), 1, "Sampling:NoRepeatNgram must be 0 (off) or between 2 and 10.")]
    [InlineData(nameof(SamplingOptions.BeamWidth), 65, "Sampling:BeamWidth must be between 1 and 64.")]
    public void Validate_NamesTheKeyAndItsRange_WhenAValueIsPastItsLimit(string key, object value, string message)
    {
        // Given options with one value past its limit
        var options = new SamplingOptions();
        typeof(SamplingOptions).GetProperty(key)!.SetValue(options, value);

        // When
        var results = Validate(options);

        // Then
        var result = Assert.Single(results);
        Assert.Equal(message, result.ErrorMessage);
        Assert.Equal([key], result.MemberNames);
    }

    [Fact]
    public void Validate_AcceptsEveryLimit_AndTheDefaultsAreTheSettingsDefaults()
    {
        var options = new SamplingOptions
        {
            Temperature = SamplingSettings.MaxTemperature, Words = SamplingSettings.MaxWords, TopK = SamplingSettings.MaxTopK, TopP = 1,
            RepetitionPenalty = SamplingSettings.MaxRepetitionPenalty, NoRepeatNgram = SamplingSettings.MaxNoRepeatNgram, BeamWidth = SamplingSettings.MaxBeamWidth,
        };

        Assert.Empty(Validate(options));
        Assert.Equal(new SamplingSettings(), new SamplingOptions().ToSettings());
    }

    private static List<ValidationResult> Validate(SamplingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
