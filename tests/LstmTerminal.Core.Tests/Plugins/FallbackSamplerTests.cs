using LstmTerminal.Abstractions;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Tests.Support;

namespace LstmTerminal.Core.Tests.Plugins;

public sealed class FallbackSamplerTests
{
    // Id 0 (the unknown word) is forbidden; the fallback's arg-max is id 1.
    private static readonly float[] Logits = [0.1f, 2f, 0.5f];

    private static SamplingContext Context => new(new Random(1), new HashSet<int> { 0 });

    [Fact]
    public void Next_PassesThePrimarysAnswerThrough_AndReportsNothing()
    {
        var switches = new List<SamplerSwitch>();
        var sampler = new FallbackSampler(new ScriptedSampler("fine", _ => 2), new ArgMaxSampler(), switches.Add);

        Assert.Equal(2, sampler.Next(Logits, Context));
        Assert.Equal("fine", sampler.Name);
        Assert.Empty(switches);
    }

    [Theory]
    [InlineData("throws", "The sampler 'broken' failed: boom.")]
    [InlineData("out-of-range", "The sampler 'broken' returned id 3, which is outside 0..2.")]
    [InlineData("negative", "The sampler 'broken' returned id -1, which is outside 0..2.")]
    [InlineData("forbidden", "The sampler 'broken' returned id 0, which is forbidden.")]
    [InlineData("out-of-memory", "The sampler 'broken' ran out of memory: no more heap.")]
    public void Next_SwitchesToTheFallback_AndSaysWhatThePrimaryDid(string fault, string reason)
    {
        // Given a sampler that breaks in one way
        var switches = new List<SamplerSwitch>();
        var sampler = new FallbackSampler(new ScriptedSampler("broken", _ => Break(fault)), new ArgMaxSampler(), switches.Add);

        // When it is asked for a word
        var id = sampler.Next(Logits, Context);

        // Then the fallback answers and the switch is reported in one line that names both
        Assert.Equal(1, id);
        var change = Assert.Single(switches);
        Assert.Equal(("broken", "test-argmax"), (change.Failed, change.Replacement));
        Assert.Equal($"{reason} Switched to 'test-argmax'.", change.Message);
        Assert.Equal("test-argmax", sampler.Name);
    }

    [Fact]
    public void Next_SwitchesAwayFromASamplerThatHangs_OnceTheGuardGivesUp()
    {
        using var release = new ManualResetEventSlim();
        var switches = new List<SamplerSwitch>();
        var hanging = new GuardedSampler(new ScriptedSampler("hanging", _ => { release.Wait(); return 1; }), "hanging", "hangs", TimeSpan.FromMilliseconds(200));
        try
        {
            var sampler = new FallbackSampler(hanging, new ArgMaxSampler(), switches.Add);

            Assert.Equal(1, sampler.Next(Logits, Context));
            Assert.StartsWith("The sampler 'hanging' did not answer", Assert.Single(switches).Message);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void Next_AfterTheSwitch_NeverAsksThePrimaryAgain_AndReportsOnlyOnce()
    {
        var primaryCalls = 0;
        var switches = new List<SamplerSwitch>();
        var sampler = new FallbackSampler(new ScriptedSampler("broken", _ => { primaryCalls++; return Break("throws"); }), new ArgMaxSampler(), switches.Add);

        var ids = Enumerable.Range(0, 4).Select(_ => sampler.Next(Logits, Context)).ToList();

        Assert.Equal([1, 1, 1, 1], ids);
        Assert.Equal(1, primaryCalls);
        Assert.Single(switches);
    }

    [Fact]
    public void Next_NamesBothSamplers_WhenTheFallbackFailsToo()
    {
        var sampler = new FallbackSampler(new ScriptedSampler("broken", _ => Break("throws")), new ScriptedSampler("also-broken", _ => Break("out-of-range")), _ => { });

        var error = Assert.Throws<SamplerException>(() => sampler.Next(Logits, Context));

        Assert.Equal("The sampler 'broken' failed: boom. Its fallback failed too: The sampler 'also-broken' returned id 3, which is outside 0..2.", error.Message);
    }

    [Fact]
    public void Next_LetsTheFailureThrough_WhenThereIsNothingToFallBackTo()
    {
        var switches = new List<SamplerSwitch>();
        var sampler = new FallbackSampler(new ScriptedSampler("broken", _ => Break("throws")), fallback: null, switches.Add);

        var error = Assert.Throws<SamplerException>(() => sampler.Next(Logits, Context));

        Assert.Equal("The sampler 'broken' failed: boom", error.Message);
        Assert.Empty(switches);
    }

    [Fact]
    public void ChooseFallback_PrefersGreedy_ThenTheFirstOtherSampler()
    {
        var loaded = new[] { Loaded("nucleus"), Loaded("temperature"), Loaded("greedy") };

        Assert.Equal("greedy", FallbackSampler.ChooseFallback(loaded, "temperature")?.Name);
        Assert.Equal("nucleus", FallbackSampler.ChooseFallback(loaded, "GREEDY")?.Name);
        Assert.Null(FallbackSampler.ChooseFallback([Loaded("greedy")], "greedy"));
    }

    [Fact]
    public void ChooseFallback_PrefersAShippedSampler_OverOneTheUserAdded_WhenGreedyIsMissing()
    {
        var loaded = new[] { Loaded("aaa-mine", PluginSource.User), Loaded("added", PluginSource.Added), Loaded("temperature") };

        Assert.Equal("temperature", FallbackSampler.ChooseFallback(loaded, "nucleus")?.Name);
    }

    [Fact]
    public void Generator_CompletesEveryWord_WhenTheSamplerBreaksMidway()
    {
        // Given a sampler that gives two good words, then an id past the vocabulary
        var trained = new TrainedModel();
        var generator = trained.CreateGenerator();
        var switches = new List<SamplerSwitch>();
        var flaky = new ScriptedSampler("flaky", call => call < 2 ? 1 : int.MaxValue);

        // When it completes a phrase behind the fallback
        var words = generator.Continue(generator.Encode("thou art"), new FallbackSampler(flaky, new ArgMaxSampler(), switches.Add), new SamplingSettings { Words = 6, Temperature = 1.0, Seed = 1 }).ToList();

        // Then all six words come, the first two from the flaky sampler, and the switch is told once
        Assert.Equal(6, words.Count);
        Assert.Equal([1, 1], words.Take(2).Select(w => w.Id));
        Assert.Contains("returned id 2147483647", Assert.Single(switches).Message);
    }

    private static int Break(string fault) => fault switch
    {
        "throws" => throw new InvalidOperationException("boom"),
        "out-of-range" => 3,
        "negative" => -1,
        "forbidden" => 0,
        "out-of-memory" => throw new OutOfMemoryException("no more heap"),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "unknown fault"),
    };

    private static LoadedPlugin<ISampler> Loaded(string name, PluginSource source = PluginSource.Shipped) =>
        new(new ScriptedSampler(name, _ => 1), name, PluginKinds.Sampler, "scripted", "1.0", "/plugins/" + name, source);
}
