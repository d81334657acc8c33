using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Tests.Support;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Tests.Generation;

/// <summary>A model whose weights are NaN (a damaged checkpoint, a diverged run) is named as the culprit, not the sampler.</summary>
public sealed class DamagedModelTests
{
    private static readonly SamplingSettings FiveWords = new() { Words = 5, Temperature = 1.0, Seed = 1 };

    [Fact]
    public void Continue_SaysTheModelsScoresAreNotNumbers_WithoutSwitchingTheSampler()
    {
        // Given a model of NaN weights and a sampler with a fallback
        var generator = NaNModel();
        var switches = new List<SamplerSwitch>();
        var sampler = new FallbackSampler(new SoftmaxDrawSampler(), new ArgMaxSampler(), switches.Add);

        // When
        var error = Assert.Throws<ModelScoresException>(() => generator.Continue(generator.Encode("thou art"), sampler, FiveWords).ToList());

        // Then
        Assert.Contains("not numbers", error.Message);
        Assert.DoesNotContain("Training:", error.Message);
        Assert.Empty(switches);
    }

    [Fact]
    public void ContinueWithBeam_SaysTheModelsScoresAreNotNumbers()
    {
        var generator = NaNModel();

        Assert.Throws<ModelScoresException>(() => generator.ContinueWithBeam(generator.Encode("thou art"), FiveWords with { BeamWidth = 2 }));
    }

    private static Generator NaNModel()
    {
        const int size = 4;
        var vocabulary = TokenizerPlugins.Words("thou art more", minWordFrequency: 0);
        var shape = new ModelShape { VocabularySize = vocabulary.Count, EmbeddingSize = size, RnnSize = size, Layers = 1, Dropout = 0 };
        var layer = new LstmLayerWeights { InputSize = size, InputWeights = NaNs(4 * size * size), HiddenWeights = NaNs(4 * size * size), Bias = NaNs(4 * size) };
        var weights = new ModelWeights
        {
            Shape = shape,
            Embedding = NaNs(vocabulary.Count * size),
            Layers = [layer],
            Output = NaNs(vocabulary.Count * size),
            OutputBias = NaNs(vocabulary.Count),
        };
        return new Generator(weights, vocabulary);
    }

    private static float[] NaNs(int count) => Enumerable.Repeat(float.NaN, count).ToArray();
}
