using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Plugins.Tests.Support;

namespace LstmTerminal.Plugins.Tests;

public sealed class SamplerTests
{
    private static readonly HashSet<int> ForbidUnknown = [0];

    private static SamplingContext Context(int seed = 42, double temperature = 1.0, IReadOnlySet<int>? forbidden = null) =>
        new(new Random(seed), forbidden ?? ForbidUnknown) { Temperature = temperature };

    [Theory]
    [InlineData("greedy")]
    [InlineData("temperature")]
    [InlineData("top-k")]
    [InlineData("nucleus")]
    public void Next_AllocatesNothing_OnceItHasSeenTheVocabularySize(string samplerName)
    {
        // Given the plugin itself (the host's guard would run it on another thread), warmed up on a 10,000-word vocabulary
        var sampler = Unguarded(samplerName);
        var random = new Random(3);
        var logits = Enumerable.Range(0, 10_000).Select(_ => (float)(random.NextDouble() * 10 - 5)).ToArray();
        var context = Context(temperature: 0.8);
        sampler.Next(logits, context);

        // When it draws again, in rounds of 20 calls (the runtime's tiered JIT may allocate on this thread during one
        // of them; an allocation of the sampler's own shows in every round)
        var allocatedPerRound = Enumerable.Range(0, 5).Select(_ =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var call = 0; call < 20; call++)
            {
                sampler.Next(logits, context);
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }).ToList();

        // Then some round allocated nothing at all
        Assert.Equal(0, allocatedPerRound.Min());
    }

    [Fact]
    public void Greedy_ReturnsTheHighestScore_When_ItIsAllowed()
    {
        // Given
        var greedy = ShippedPlugins.Sampler("greedy");
        float[] logits = [0.1f, 0.5f, 3.0f, 2.9f];

        // When
        var id = greedy.Next(logits, Context());

        // Then
        Assert.Equal(2, id);
    }

    [Fact]
    public void Greedy_SkipsForbiddenIds_When_TheyScoreHighest()
    {
        // Given the unknown word (0) and id 2 score highest but are forbidden
        var greedy = ShippedPlugins.Sampler("greedy");
        float[] logits = [9f, 1f, 8f, 2f];

        // When
        var id = greedy.Next(logits, Context(forbidden: new HashSet<int> { 0, 2 }));

        // Then
        Assert.Equal(3, id);
    }

    [Theory]
    [InlineData("greedy")]
    [InlineData("temperature")]
    [InlineData("top-k")]
    [InlineData("nucleus")]
    public void Next_Throws_When_EveryIdIsForbidden(string samplerName)
    {
        // Given
        var sampler = ShippedPlugins.Sampler(samplerName);
        float[] logits = [1f, 2f, 3f];

        // When
        var error = Assert.Throws<InvalidOperationException>(() => sampler.Next(logits, Context(forbidden: new HashSet<int> { 0, 1, 2 })));

        // Then
        Assert.Contains("forbidden", error.Message);
    }

    [Fact]
    public void Temperature_DrawsInSoftmaxProportions_When_SampledManyTimes()
    {
        // Given logits whose softmax at T = 0.8 is known, with the unknown word scoring highest but forbidden
        var sampler = ShippedPlugins.Sampler("temperature");
        float[] logits = [5f, 1f, 2f, 0.5f, 1.5f];
        const double temperature = 0.8;
        const int draws = 20_000;
        var context = Context(seed: 7, temperature: temperature);

        // When
        var counts = new int[logits.Length];
        for (var i = 0; i < draws; i++)
        {
            counts[sampler.Next(logits, context)]++;
        }

        // Then the unknown word never comes, and the rest fit softmax (chi-square, 3 degrees of freedom, p = 0.001)
        Assert.Equal(0, counts[0]);
        var weights = logits.Skip(1).Select(l => Math.Exp(l / temperature)).ToArray();
        var chiSquare = weights
            .Select((w, i) => draws * w / weights.Sum())
            .Select((expected, i) => Math.Pow(counts[i + 1] - expected, 2) / expected)
            .Sum();
        Assert.True(chiSquare < 16.27, $"chi-square {chiSquare:F2} for counts [{string.Join(", ", counts)}]");
    }

    [Fact]
    public void Temperature_BehavesLikeGreedy_When_TemperatureIsLow()
    {
        // Given
        var sampler = ShippedPlugins.Sampler("temperature");
        float[] logits = [9f, 1f, 2.5f, 2f];
        var context = Context(temperature: 0.01);

        // When
        var ids = Enumerable.Range(0, 1_000).Select(_ => sampler.Next(logits, context)).Distinct().ToList();

        // Then
        Assert.Equal([2], ids);
    }

    [Fact]
    public void Temperature_RepeatsItsDraws_When_TheSeedIsTheSame()
    {
        // Given
        var sampler = ShippedPlugins.Sampler("temperature");
        float[] logits = [0f, 1f, 1.2f, 0.8f, 1.1f];

        // When
        int[] Draw(int seed)
        {
            var context = Context(seed: seed);
            return Enumerable.Range(0, 200).Select(_ => sampler.Next(logits, context)).ToArray();
        }

        // Then
        Assert.Equal(Draw(123), Draw(123));
        Assert.NotEqual(Draw(123), Draw(124));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Temperature_RejectsTheTemperature_When_ItIsNotPositiveAndFinite(double temperature)
    {
        // Given
        var sampler = ShippedPlugins.Sampler("temperature");
        float[] logits = [0f, 1f, 2f];

        // When
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Next(logits, Context(temperature: temperature)));

        // Then
        Assert.Contains("temperature must be a finite number greater than 0", error.Message);
    }

    private static ISampler Unguarded(string name)
    {
        var type = Assert.IsType<GuardedSampler>(ShippedPlugins.Sampler(name)).SamplerType;
        var instance = type.GetConstructor([typeof(PluginContext)]) is null ? Activator.CreateInstance(type) : Activator.CreateInstance(type, PluginContext.Empty);
        return Assert.IsAssignableFrom<ISampler>(instance);
    }
}
