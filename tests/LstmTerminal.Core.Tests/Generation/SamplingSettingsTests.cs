using LstmTerminal.Core.Generation;

namespace LstmTerminal.Core.Tests.Generation;

/// <summary>The one set of sampling limits that the options, the generate verb and the console's commands share.</summary>
public sealed class SamplingSettingsTests
{
    public static TheoryData<SamplingSettings> AtTheLimits =>
    [
        new SamplingSettings(),
        new SamplingSettings { Temperature = SamplingSettings.MaxTemperature, Words = SamplingSettings.MaxWords, TopK = SamplingSettings.MaxTopK, TopP = 1 },
        new SamplingSettings { Temperature = 1e-9, Words = 1, TopK = 0, TopP = 1e-9, RepetitionPenalty = SamplingSettings.MaxRepetitionPenalty },
        new SamplingSettings { NoRepeatNgram = SamplingSettings.MinNoRepeatNgram, BeamWidth = 1, Seed = int.MinValue },
        new SamplingSettings { NoRepeatNgram = SamplingSettings.MaxNoRepeatNgram, BeamWidth = SamplingSettings.MaxBeamWidth, Sampler = "beam" },
    ];

    public static TheoryData<SamplingSettings, string> PastTheLimits => new()
    {
        { new SamplingSettings { Sampler = " " }, nameof(SamplingSettings.Sampler) },
        { new SamplingSettings { Temperature = 0 }, nameof(SamplingSettings.Temperature) },
        { new SamplingSettings { Temperature = 100.001 }, nameof(SamplingSettings.Temperature) },
        { new SamplingSettings { Temperature = double.NaN }, nameof(SamplingSettings.Temperature) },
        { new SamplingSettings { Words = 0 }, nameof(SamplingSettings.Words) },
        { new SamplingSettings { Words = 10_001 }, nameof(SamplingSettings.Words) },
        { new SamplingSettings { TopK = -1 }, nameof(SamplingSettings.TopK) },
        { new SamplingSettings { TopK = 1_000_001 }, nameof(SamplingSettings.TopK) },
        { new SamplingSettings { TopP = 0 }, nameof(SamplingSettings.TopP) },
        { new SamplingSettings { TopP = 1.01 }, nameof(SamplingSettings.TopP) },
        { new SamplingSettings { RepetitionPenalty = 0.99 }, nameof(SamplingSettings.RepetitionPenalty) },
        { new SamplingSettings { RepetitionPenalty = 10.01 }, nameof(SamplingSettings.RepetitionPenalty) },
        { new SamplingSettings { RepetitionPenalty = double.PositiveInfinity }, nameof(SamplingSettings.RepetitionPenalty) },
        { new SamplingSettings { NoRepeatNgram = 1 }, nameof(SamplingSettings.NoRepeatNgram) },
        { new SamplingSettings { NoRepeatNgram = -1 }, nameof(SamplingSettings.NoRepeatNgram) },
        { new SamplingSettings { NoRepeatNgram = 11 }, nameof(SamplingSettings.NoRepeatNgram) },
        { new SamplingSettings { BeamWidth = 0 }, nameof(SamplingSettings.BeamWidth) },
        { new SamplingSettings { BeamWidth = 65 }, nameof(SamplingSettings.BeamWidth) },
    };

    [Theory]
    [MemberData(nameof(AtTheLimits))]
    public void Invalid_IsEmpty_WhenEverySettingIsWithinItsLimits(SamplingSettings settings) => Assert.Empty(settings.Invalid());

    [Theory]
    [MemberData(nameof(PastTheLimits))]
    public void Invalid_NamesTheSetting_WhenItIsPastItsLimit(SamplingSettings settings, string setting) =>
        Assert.Equal([setting], settings.Invalid());
}
