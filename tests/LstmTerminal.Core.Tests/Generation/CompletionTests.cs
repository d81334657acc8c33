using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Tests.Support;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Tests.Generation;

/// <summary>The one completion path: prime, seed, beam or sampler with its fallback, streamed words, duel and next words.</summary>
public sealed class CompletionTests(TrainedModel trained) : IClassFixture<TrainedModel>
{
    private static readonly SamplingSettings Greedy = new() { Sampler = "test-argmax", Words = 6, Seed = 5 };

    private static readonly SamplerList Samplers = new(new ArgMaxSampler(), new SoftmaxDrawSampler());

    [Fact]
    public void Start_ReadsThePrime_AndStreamsTheSamplersWords()
    {
        // Given
        var generator = trained.CreateGenerator();

        // When
        var run = new Completion(generator).Start("thou art zyzzyva", Greedy, Samplers);
        var events = run.Stream().ToList();

        // Then the prime's unknown word is listed, and the words are the sampler's, each one event
        Assert.Equal(["zyzzyva"], run.Prime.UnknownWords);
        Assert.Equal(Greedy, run.Settings);
        Assert.Equal("test-argmax", run.Sampler);
        Assert.Null(run.BeamWidth);
        var words = generator.Continue(generator.Encode("thou art zyzzyva"), new ArgMaxSampler(), Greedy).ToList();
        Assert.Equal(words, events.Cast<TokenGenerated>().Select(e => e.Token));
        Assert.Equal(words, run.Tokens);
        Assert.Equal(string.Join(' ', words.Select(w => w.Label)), run.Text);
    }

    [Fact]
    public void Start_DrawsASeed_WhenNoneIsChosen_AndTheSeedItReportsRepeatsTheText()
    {
        // Given a random sampler and no seed
        var completion = new Completion(trained.CreateGenerator());
        var unseeded = Greedy with { Sampler = "test-softmax", Temperature = 2.0, Words = 20, Seed = null };

        // When
        var first = completion.Start("thou art", unseeded, Samplers);
        var text = first.Complete();
        var again = completion.Start("thou art", unseeded with { Seed = first.Settings.Seed }, Samplers).Complete();

        // Then
        Assert.Equal(20, first.Tokens.Count);
        Assert.Equal(text, again);
    }

    [Fact]
    public void Start_RunsBeamSearch_WhenTheSamplerIsBeam()
    {
        // Given
        var generator = trained.CreateGenerator();

        // When
        var run = new Completion(generator).Start("to be or", Greedy with { Sampler = "BEAM", BeamWidth = 3 }, Samplers);
        run.Complete();

        // Then
        Assert.Equal(BeamSearch.SamplerName, run.Sampler);
        Assert.Equal(3, run.BeamWidth);
        Assert.Equal(generator.ContinueWithBeam(generator.Encode("to be or"), Greedy with { BeamWidth = 3 }), run.Tokens);
    }

    [Fact]
    public void Stream_ReportsTheSwitch_BeforeTheWordTheFallbackChose_AndTheRunNamesTheFallback()
    {
        // Given a sampler that gives two words, then an id past the vocabulary, and greedy to fall back on
        var flaky = new ScriptedSampler("flaky", call => call < 2 ? 1 : int.MaxValue);
        var samplers = new SamplerList(flaky, new ArgMaxSampler());

        // When
        var run = new Completion(trained.CreateGenerator()).Start("thou art", Greedy with { Sampler = "flaky" }, samplers);
        var events = run.Stream().ToList();

        // Then the switch comes third, between the flaky sampler's words and the fallback's, and is data
        var switched = Assert.IsType<SamplerSwitched>(events[2]);
        Assert.Equal(("flaky", "test-argmax"), (switched.Switch.Failed, switched.Switch.Replacement));
        Assert.Contains("returned id 2147483647", switched.Switch.Reason);
        Assert.Equal(6, events.OfType<TokenGenerated>().Count());
        Assert.Single(events.OfType<SamplerSwitched>());
        Assert.Equal("test-argmax", run.Sampler);
    }

    [Fact]
    public void Start_NamesTheSamplersAndBeam_WhenNoSamplerHasTheName()
    {
        var completion = new Completion(trained.CreateGenerator());

        var error = Assert.Throws<PluginNotFoundException>(() => completion.Start("thou art", Greedy with { Sampler = "mirostat" }, Samplers));

        Assert.Equal("There is no sampler named 'mirostat'. Known samplers: test-argmax, test-softmax. Beam search is available as 'beam'.", error.Message);
    }

    [Fact]
    public void Start_ReportsWhyThePrimeCannotStart_AsACode()
    {
        var completion = new Completion(trained.CreateGenerator());

        var error = Assert.Throws<PrimeException>(() => completion.Start("zyzzyva quux", Greedy, Samplers));

        Assert.Equal(PrimeProblem.NoKnownWord, error.Problem);
    }

    [Fact]
    public void Start_WithASamplerChosenOnce_CompletesLikeTheGenerator_AsTheTrainingSamplesDo()
    {
        // Given the training samples' sampler and settings with a fixed seed
        var generator = trained.CreateGenerator();
        var settings = new SamplingSettings { Words = 8, Temperature = 1.5, Seed = 9 };

        // When
        var text = new Completion(generator).Start("wherefore art", new SoftmaxDrawSampler(), settings).Complete();

        // Then
        Assert.Equal(string.Join(' ', generator.Continue(generator.Encode("wherefore art"), new SoftmaxDrawSampler(), settings).Select(w => w.Label)), text);
    }

    [Fact]
    public void Stream_RefusesASecondStream()
    {
        var run = new Completion(trained.CreateGenerator()).Start("thou art", Greedy, Samplers);
        run.Complete();

        Assert.Throws<InvalidOperationException>(() => run.Stream());
    }

    [Fact]
    public void Duel_CompletesWithEveryLoadedSamplerAndBeam_FromTheChosenSeed()
    {
        // Given
        var generator = trained.CreateGenerator();

        // When
        var report = new Completion(generator).Duel("thou art zyzzyva", Greedy with { BeamWidth = 2 }, Samplers);

        // Then
        Assert.Equal(["zyzzyva"], report.Prime.UnknownWords);
        Assert.Equal(5, report.Settings.Seed);
        Assert.Equal(2, report.Settings.BeamWidth);
        Assert.Equal(["test-argmax", "test-softmax", "beam"], report.Results.Select(r => r.Sampler));
        Assert.All(report.Results, r => Assert.Equal(6, r.Tokens.Count));
    }

    [Fact]
    public void Predict_ListsTheMostLikelyNextWords_MostLikelyFirst_WithoutTheUnknownWord()
    {
        // Given
        var generator = trained.CreateGenerator();

        // When
        var next = new Completion(generator).Predict("to be or not to", count: 4);

        // Then the first is greedy's choice, the probabilities fall, and the unknown word is never offered
        Assert.Equal(4, next.Tokens.Count);
        Assert.Equal("to be or not to", next.Prime.Text);
        var greedy = generator.Continue(next.Prime, new ArgMaxSampler(), Greedy with { Words = 1 }).Single();
        Assert.Equal(greedy, next.Tokens[0]);
        Assert.Equal(next.Tokens.OrderByDescending(w => w.Probability).Select(w => w.Id), next.Tokens.Select(w => w.Id));
        Assert.DoesNotContain(next.Tokens, w => w.Id == UnknownWord.Id);
        Assert.InRange(next.Tokens.Sum(w => w.Probability), 0.0, 1.0 + 1e-9);
    }

    [Fact]
    public void Predict_OffersEveryKnownWordOnce_WhenAskedForMoreThanTheVocabulary()
    {
        var generator = trained.CreateGenerator();

        var next = new Completion(generator).Predict("thou", count: 10_000);

        Assert.Equal(Enumerable.Range(1, generator.Vocabulary.Count - 1), next.Tokens.Select(w => w.Id).Order());
    }
}
