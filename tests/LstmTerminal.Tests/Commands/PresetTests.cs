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
    [InlineData("fastest")]
    [InlineData("../appsettings")]
    [InlineData("/etc/passwd")]
    public void AnUnknownPreset_IsRefused_ListingTheKnownOnes(string name)
    {
        var error = Assert.Throws<UsageException>(() => AppHost.Build([$"--Preset={name}"], new Dictionary<string, string?>()));

        Assert.Equal($"There is no preset '{name}'. Known presets: quality.", error.Message);
    }
}
