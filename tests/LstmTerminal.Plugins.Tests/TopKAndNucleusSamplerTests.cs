using System.Reflection;
using LstmTerminal.Abstractions;
using LstmTerminal.Plugins.Tests.Support;

namespace LstmTerminal.Plugins.Tests;

public sealed class TopKAndNucleusSamplerTests
{
    private static readonly HashSet<int> ForbidUnknown = [0];

    // Id 0 (the unknown word) scores highest and is forbidden; the allowed ranking is 3 > 1 > 5 > 2 > 4 > 6.
    private static readonly float[] Logits = [9f, 2.0f, 0.5f, 2.5f, 0.2f, 1.0f, -1f];

    private static SamplingContext Context(int seed = 42, double temperature = 1.0, int topK = 0, double topP = 1.0, IReadOnlySet<int>? forbidden = null) =>
        new(new Random(seed), forbidden ?? ForbidUnknown) { Temperature = temperature, TopK = topK, TopP = topP };

    private static HashSet<int> Draws(ISampler sampler, float[] logits, SamplingContext context, int count = 3_000) =>
        Enumerable.Range(0, count).Select(_ => sampler.Next(logits, context)).ToHashSet();

    [Fact]
    public void TopK_NeverReturnsAWordOutsideTheTopK_When_TheContextSetsK()
    {
        // Given a high temperature, so every allowed word would be drawn without the cut
        var sampler = ShippedPlugins.Sampler("top-k");

        // When
        var drawn = Draws(sampler, Logits, Context(temperature: 5, topK: 3));

        // Then exactly the three most likely allowed words come
        Assert.Equal([1, 3, 5], drawn.Order());
    }

    [Fact]
    public void TopK_UsesItsOwnSetting_When_TheContextLeavesKAtZero()
    {
        // Given
        var sampler = ShippedPlugins.Sampler("top-k", ("K", "2"));

        // When
        var drawn = Draws(sampler, Logits, Context(temperature: 5));

        // Then
        Assert.Equal([1, 3], drawn.Order());
    }

    [Fact]
    public void TopK_RanksOnlyAllowedWords_When_TopWordsAreForbidden()
    {
        // Given the two best allowed words are forbidden too
        var sampler = ShippedPlugins.Sampler("top-k");

        // When
        var drawn = Draws(sampler, Logits, Context(temperature: 5, topK: 2, forbidden: new HashSet<int> { 0, 3, 1 }));

        // Then the next two take their place
        Assert.Equal([2, 5], drawn.Order());
    }

    [Fact]
    public void TopK_BreaksATieBetweenMinusZeroAndZero_ByTheLowerId()
    {
        // Given -0 and +0, which compare equal, competing for the second place
        var sampler = ShippedPlugins.Sampler("top-k");
        float[] logits = [9f, 1f, -0f, 0f, -1f];

        // When
        var drawn = Draws(sampler, logits, Context(temperature: 5, topK: 2));

        // Then the lower id of the tie is kept, as for any other tie
        Assert.Equal([1, 2], drawn.Order());
    }

    [Fact]
    public void TopK_DrawsLikeTemperature_When_KCoversTheVocabulary()
    {
        // Given the same seed for both, so renormalisation is checked draw for draw
        var topK = ShippedPlugins.Sampler("top-k");
        var temperature = ShippedPlugins.Sampler("temperature");
        var topKContext = Context(seed: 3, temperature: 0.7, topK: 100);
        var temperatureContext = Context(seed: 3, temperature: 0.7);

        // When
        var fromTopK = Enumerable.Range(0, 500).Select(_ => topK.Next(Logits, topKContext)).ToList();
        var fromTemperature = Enumerable.Range(0, 500).Select(_ => temperature.Next(Logits, temperatureContext)).ToList();

        // Then
        Assert.Equal(fromTemperature, fromTopK);
    }

    [Fact]
    public void Nucleus_NeverReturnsAWordOutsideThePSet()
    {
        // Given probabilities 0.5, 0.3, 0.1, 0.06, 0.04 for ids 1-5: the smallest set reaching 0.75 is {1, 2}
        var sampler = ShippedPlugins.Sampler("nucleus");
        float[] logits = [.. new[] { 1e-9, 0.5, 0.3, 0.1, 0.06, 0.04 }.Select(p => (float)Math.Log(p))];

        // When
        var drawn = Draws(sampler, logits, Context(topP: 0.75));

        // Then
        Assert.Equal([1, 2], drawn.Order());
    }

    [Fact]
    public void Nucleus_KeepsOnlyTheBestWord_When_ItAloneReachesP()
    {
        // Given
        var sampler = ShippedPlugins.Sampler("nucleus");
        float[] logits = [.. new[] { 1e-9, 0.05, 0.9, 0.05 }.Select(p => (float)Math.Log(p))];

        // When
        var drawn = Draws(sampler, logits, Context(topP: 0.5));

        // Then
        Assert.Equal([2], drawn);
    }

    [Fact]
    public void Nucleus_UsesItsOwnSetting_When_TheContextLeavesPAtOne()
    {
        // Given P = 0.85 in its configuration section: {1, 2, 3} holds 0.9
        var sampler = ShippedPlugins.Sampler("nucleus", ("P", "0.85"));
        float[] logits = [.. new[] { 1e-9, 0.5, 0.3, 0.1, 0.06, 0.04 }.Select(p => (float)Math.Log(p))];

        // When
        var drawn = Draws(sampler, logits, Context());

        // Then
        Assert.Equal([1, 2, 3], drawn.Order());
    }

    [Theory]
    [InlineData("top-k")]
    [InlineData("nucleus")]
    [InlineData("temperature")]
    public void Sampler_BehavesLikeGreedy_When_TemperatureApproachesZero(string samplerName)
    {
        // Given
        var sampler = ShippedPlugins.Sampler(samplerName);

        // When
        var drawn = Draws(sampler, Logits, Context(temperature: 0.01, topK: 4, topP: 0.99), count: 1_000);

        // Then only the best allowed word comes, as greedy would pick
        Assert.Equal([ShippedPlugins.Sampler("greedy").Next(Logits, Context())], drawn);
    }

    [Theory]
    [InlineData("greedy")]
    [InlineData("temperature")]
    [InlineData("top-k")]
    [InlineData("nucleus")]
    public void Sampler_NeverReturnsAForbiddenId_On_RandomLogits(string samplerName)
    {
        // Given
        var sampler = ShippedPlugins.Sampler(samplerName);
        var random = new Random(5);

        for (var round = 0; round < 300; round++)
        {
            var logits = Enumerable.Range(0, 12).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
            var forbidden = Enumerable.Range(0, 12).Where(id => id == 0 || random.NextDouble() < 0.5).ToHashSet();
            if (forbidden.Count == logits.Length)
            {
                continue;
            }

            // When
            var id = sampler.Next(logits, Context(seed: round, temperature: 2, topK: 3, topP: 0.8, forbidden: forbidden));

            // Then
            Assert.DoesNotContain(id, forbidden);
        }
    }

    [Theory]
    [InlineData("top-k")]
    [InlineData("nucleus")]
    public void Sampler_DrawsAsTemperatureDoesOnTheSetAFullSortKeeps_On_RandomLogits(string samplerName)
    {
        // Given vocabularies with ties and forbidden words, and a reference: the temperature sampler with every word
        // outside the set a full sort keeps forbidden too, which renormalises over exactly that set
        var sampler = ShippedPlugins.Sampler(samplerName);
        var temperature = ShippedPlugins.Sampler("temperature");
        var random = new Random(17);
        for (var round = 0; round < 200; round++)
        {
            var size = round % 10 == 0 ? 10_000 : random.Next(2, 400);
            var logits = Enumerable.Range(0, size).Select(_ => (float)Math.Round(random.NextDouble() * 12 - 6, 1)).ToArray();
            var forbidden = Enumerable.Range(0, size).Where(id => id == 0 || random.NextDouble() < 0.1).ToHashSet();
            if (forbidden.Count == size)
            {
                continue;
            }

            var k = random.Next(1, 60);
            var p = 0.2 + 0.79 * random.NextDouble();
            var heat = 0.3 + 2 * random.NextDouble();
            var kept = samplerName == "top-k" ? TopKBySorting(logits, forbidden, k) : NucleusBySorting(logits, forbidden, p, heat);

            // When both draw with the same seed
            var drawn = sampler.Next(logits, Context(seed: round, temperature: heat, topK: k, topP: p, forbidden: forbidden));
            var expected = temperature.Next(logits, Context(seed: round, temperature: heat, forbidden: Enumerable.Range(0, size).Where(id => !kept.Contains(id)).ToHashSet()));

            // Then they draw the same word
            Assert.Equal(expected, drawn);
        }
    }

    [Theory]
    [InlineData("top-k")]
    [InlineData("nucleus")]
    public void Sampler_RepeatsItsDraws_When_TheSeedIsTheSame(string samplerName)
    {
        // Given
        var sampler = ShippedPlugins.Sampler(samplerName);

        // When
        int[] Draw(int seed)
        {
            var context = Context(seed: seed, temperature: 1.5, topK: 4, topP: 0.95);
            return Enumerable.Range(0, 200).Select(_ => sampler.Next(Logits, context)).ToArray();
        }

        // Then
        Assert.Equal(Draw(123), Draw(123));
        Assert.NotEqual(Draw(123), Draw(124));
    }

    [Theory]
    [InlineData("top-k", "K", "0", "Plugins:top-k:K")]
    [InlineData("top-k", "K", "many", "Plugins:top-k:K")]
    [InlineData("nucleus", "P", "0", "Plugins:nucleus:P")]
    [InlineData("nucleus", "P", "1.5", "Plugins:nucleus:P")]
    public void Constructor_RefusesASettingOutOfRange_NamingTheKey(string samplerName, string key, string value, string fullKey)
    {
        // When
        var error = Assert.Throws<TargetInvocationException>(() => ShippedPlugins.Sampler(samplerName, (key, value)));

        // Then
        Assert.IsType<ArgumentException>(error.InnerException);
        Assert.Contains(fullKey, error.InnerException!.Message);
    }

    private static IEnumerable<int> RankedBySorting(float[] logits, HashSet<int> forbidden) =>
        Enumerable.Range(0, logits.Length).Where(id => !forbidden.Contains(id)).OrderByDescending(id => logits[id]).ThenBy(id => id);

    private static HashSet<int> TopKBySorting(float[] logits, HashSet<int> forbidden, int k) =>
        RankedBySorting(logits, forbidden).Take(k).ToHashSet();

    /// <summary>The shortest most-likely-first run whose probability at temperature <paramref name="heat"/> reaches p.</summary>
    private static HashSet<int> NucleusBySorting(float[] logits, HashSet<int> forbidden, double p, double heat)
    {
        var ranked = RankedBySorting(logits, forbidden).ToList();
        var max = (double)logits[ranked[0]];
        var weights = ranked.Select(id => Math.Exp((logits[id] - max) / heat)).ToList();
        var total = weights.Sum();
        var kept = new HashSet<int>();
        var mass = 0.0;
        for (var i = 0; i < ranked.Count && mass < p * total; i++)
        {
            kept.Add(ranked[i]);
            mass += weights[i];
        }

        return kept;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Nucleus_RejectsTheContextsP_When_ItIsOutOfRange(double topP)
    {
        // Given
        var sampler = ShippedPlugins.Sampler("nucleus");

        // When
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Next(Logits, Context(topP: topP)));

        // Then
        Assert.Contains("nucleus mass p", error.Message);
    }
}
