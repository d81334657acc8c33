using LstmTerminal.Commands;
using LstmTerminal.Core.Options;
using LstmTerminal.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LstmTerminal.Tests.Commands;

public sealed class PresetTests
{
    [Fact]
    public void Quality_SetsTheTunedModelAndTraining_BelowTheUsersOwnSettings()
    {
        var split = ConfigurationArguments.Split(["train", "--preset", "quality", "--Training:LearningRate=0.003"]);
        using var host = AppHost.Build(split.Settings, new Dictionary<string, string?>());

        var model = host.Services.GetRequiredService<ModelOptions>();
        var training = host.Services.GetRequiredService<TrainingOptions>();

        Assert.Equal(["train"], split.Command);
        Assert.True(model.TiedEmbeddings);
        Assert.Equal(0.25, model.EmbeddingDropout);
        Assert.Equal(32, training.BatchSize);
        Assert.Equal(TimeSpan.FromMinutes(10), training.TimeBudget);
        Assert.Equal(0.003, training.LearningRate);
    }

    [Theory]
    [InlineData("characters", 64)]
    [InlineData("subwords", 128)]
    public void TokenLevelPresets_ChooseTheirTokenizer_AndTrainForTenMinutes(string preset, int embeddingSize)
    {
        // Given a token-level preset chosen on the command line
        var split = ConfigurationArguments.Split(["train", "--preset", preset]);

        // When the host reads the settings
        using var host = AppHost.Build(split.Settings, new Dictionary<string, string?>());

        // Then the preset's tokenizer, model and budget apply
        Assert.Equal(preset, host.Services.GetRequiredService<TextOptions>().Tokenizer);
        var model = host.Services.GetRequiredService<ModelOptions>();
        Assert.Equal(512, model.RnnSize);
        Assert.Equal(embeddingSize, model.EmbeddingSize);
        Assert.True(model.Dropout > 0);
        var training = host.Services.GetRequiredService<TrainingOptions>();
        Assert.True(training.WeightAveraging > 0);
        Assert.Equal(TimeSpan.FromMinutes(10), training.TimeBudget);
    }

    [Theory]
    [InlineData("fastest")]
    [InlineData("../appsettings")]
    [InlineData("/etc/passwd")]
    public void AnUnknownPreset_IsRefused_ListingTheKnownOnes(string name)
    {
        var error = Assert.Throws<UsageException>(() => AppHost.Build([$"--Preset={name}"], new Dictionary<string, string?>()));

        Assert.Equal($"There is no preset '{name}'. Known presets: characters, quality, subwords.", error.Message);
    }
}
