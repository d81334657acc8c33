using LstmTerminal.Abstractions;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Tests.Support;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Tests.Generation;

/// <summary>Beam search, seeded reproducibility and the duel on a tiny trained model.</summary>
public sealed class SamplingControlsTests(TrainedModel trained) : IClassFixture<TrainedModel>
{
    private static readonly SamplingSettings Forty = new() { Words = 40, Temperature = 1.0, Seed = 1 };

    private static List<int> Ids(Generator generator, string prime, ISampler sampler, SamplingSettings settings) =>
        generator.Continue(generator.Encode(prime), sampler, settings).Select(w => w.Id).ToList();

    [Theory]
    [InlineData("thou art more", 1.0, 0)]
    [InlineData("to be or not to", 1.0, 0)]
    [InlineData("the lady doth protest too much methinks the lady doth", 1.5, 3)]
    public void ContinueWithBeam_EqualsGreedy_When_TheWidthIsOne(string prime, double penalty, int ngram)
    {
        // Given
        var generator = trained.CreateGenerator();
        var settings = Forty with { Words = 15, RepetitionPenalty = penalty, NoRepeatNgram = ngram };

        // When
        var beam = generator.ContinueWithBeam(generator.Encode(prime), settings with { BeamWidth = 1 });
        var greedy = generator.Continue(generator.Encode(prime), new ArgMaxSampler(), settings).ToList();

        // Then
        Assert.Equal(greedy.Select(w => w.Label), beam.Select(w => w.Label));
        Assert.Equal(greedy.Select(w => w.Probability), beam.Select(w => w.Probability), (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void ContinueWithBeam_ReturnsTheRequestedWords_WithoutTheUnknownWord()
    {
        // Given
        var generator = trained.CreateGenerator();

        // When
        var words = generator.ContinueWithBeam(generator.Encode("thou art zyzzyva"), Forty with { Words = 12, BeamWidth = 4 });

        // Then
        Assert.Equal(12, words.Count);
        Assert.DoesNotContain(words, w => w.Id == UnknownWord.Id);
        Assert.All(words, w => Assert.InRange(w.Probability, 0.0, 1.0));
    }

    [Fact]
    public void Continue_ReproducesTheText_When_SeedPrimeSamplerAndSettingsAreTheSame()
    {
        // Given a random sampler with every control on
        var generator = trained.CreateGenerator();
        var settings = new SamplingSettings { Words = 25, Temperature = 1.5, Seed = 17, RepetitionPenalty = 1.3, NoRepeatNgram = 3 };

        // When
        var first = Ids(generator, "thou art more", new SoftmaxDrawSampler(), settings);
        var second = Ids(generator, "thou art more", new SoftmaxDrawSampler(), settings);
        var otherSeed = Ids(generator, "thou art more", new SoftmaxDrawSampler(), settings with { Seed = 18 });

        // Then
        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Duel_CompletesWithEverySamplerAndBeam_AndScoresEachTheSameWay()
    {
        // Given
        var generator = trained.CreateGenerator();
        var prime = generator.Encode("to be or not to");
        var settings = new SamplingSettings { Words = 12, Temperature = 1.2, Seed = 3, BeamWidth = 3 };
        ISampler[] samplers = [new ArgMaxSampler(), new SoftmaxDrawSampler()];

        // When
        var report = new SamplerDuel(generator).Run(prime, samplers, settings);
        var again = new SamplerDuel(generator).Run(prime, samplers, settings);

        // Then
        Assert.Equal(["test-argmax", "test-softmax", "beam"], report.Results.Select(r => r.Sampler));
        Assert.All(report.Results, r =>
        {
            Assert.Equal(12, r.Tokens.Count);
            Assert.Null(r.Error);
            Assert.Equal(r.Tokens.Average(w => Math.Log(w.Probability)), r.AverageLogProbability, 9);
            Assert.Equal(RepeatedBigrams.CountWords(prime.Text, string.Concat(r.Tokens.Select(t => t.Piece))), r.RepeatedBigrams);
        });
        Assert.Equal(Ids(generator, "to be or not to", new ArgMaxSampler(), settings), report.Results[0].Tokens.Select(w => w.Id));
        Assert.Equal(report.Results.Select(r => r.Text), again.Results.Select(r => r.Text));
    }

    [Fact]
    public void Duel_ReportsAFailingSampler_AndStillRunsTheOthers()
    {
        // Given
        var generator = trained.CreateGenerator();

        // When
        var report = new SamplerDuel(generator).Run(generator.Encode("thou"), [new UnknownWordSampler(), new ArgMaxSampler()], Forty with { Words = 3, BeamWidth = 2 });

        // Then
        Assert.Contains("forbidden", report.Results[0].Error);
        Assert.Empty(report.Results[0].Tokens);
        Assert.Equal(3, report.Results[1].Tokens.Count);
        Assert.Equal(3, report.Results[2].Tokens.Count);
    }

    private sealed class UnknownWordSampler : ISampler
    {
        public string Name => "unknown-word";

        public string Description => "breaks the contract";

        public int Next(ReadOnlySpan<float> logits, SamplingContext context) => UnknownWord.Id;
    }
}
