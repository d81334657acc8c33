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
        var vocabulary = new Vocabulary(["thou", "art", "more"]);
        var shape = new ModelShape(vocabulary.Count, EmbeddingSize: size, RnnSize: size, Layers: 1, Dropout: 0);
        var layer = new LstmLayerWeights(size, NaNs(4 * size * size), NaNs(4 * size * size), NaNs(4 * size));
        return new Generator(new ModelWeights(shape, NaNs(vocabulary.Count * size), [layer], NaNs(vocabulary.Count * size), NaNs(vocabulary.Count)), vocabulary);
    }

    private static float[] NaNs(int count) => Enumerable.Repeat(float.NaN, count).ToArray();
}
