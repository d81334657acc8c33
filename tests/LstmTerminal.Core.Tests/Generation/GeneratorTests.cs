using LstmTerminal.Abstractions;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Tests.Support;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Tests.Generation;

public sealed class GeneratorTests(TrainedModel trained) : IClassFixture<TrainedModel>
{
    private static readonly SamplingSettings TenWords = new() { Words = 10, Temperature = 1.0, Seed = 1 };

    [Fact]
    public void Continue_CompletesALearnedPhrase()
    {
        var generator = trained.CreateGenerator();

        var words = generator.Continue(generator.Encode("to be or not to"), new ArgMaxSampler(), TenWords with { Words = 3 }).ToList();

        Assert.Equal("be", words[0].Label);
        Assert.All(words, w => Assert.InRange(w.Probability, 0.0, 1.0));
        Assert.True(words[0].Probability > 0.5, $"p(be) = {words[0].Probability}");
    }

    [Fact]
    public void Encode_ReportsUnknownWords_AndGenerationStillRuns()
    {
        var generator = trained.CreateGenerator();

        var prime = generator.Encode("Thou art more zyzzyva, quux!");
        var words = generator.Continue(prime, new ArgMaxSampler(), TenWords).ToList();

        Assert.Equal(["zyzzyva", "quux"], prime.UnknownWords);
        Assert.Equal(10, words.Count);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("\u001b[31m thou \u001b[0m \u0007")]
    [InlineData("日本語 の thou 🙂")]
    [InlineData("o'er -- ' - art")]
    [InlineData("1234567890 more")]
    public void Continue_NeverCrashesOrReturnsTheUnknownId_OnOddInput(string prime)
    {
        var generator = trained.CreateGenerator();

        var words = generator.Continue(generator.Encode(prime), new ArgMaxSampler(), TenWords).ToList();

        Assert.Equal(10, words.Count);
        Assert.DoesNotContain(words, w => w.Id == UnknownWord.Id);
    }

    [Theory]
    [InlineData("thou art more'", "more")]
    [InlineData("-thou art", "thou")]
    public void Encode_ReadsAWordWithoutTrailingApostrophesOrHyphens_WhenOnlyThatFormIsKnown(string prime, string expected)
    {
        var generator = trained.CreateGenerator();

        var encoding = generator.Encode(prime);

        Assert.Contains(expected, encoding.Pieces.Select(p => p.Trim()));
        Assert.Empty(encoding.UnknownWords);
    }

    [Theory]
    [InlineData("日本語 の テキスト")]
    [InlineData("zyzzyva quux")]
    [InlineData("\u001b[31m\u001b[0m 42")]
    public void Encode_RefusesAPrimeWithoutAnyKnownWord_NamingTheWords(string prime)
    {
        var generator = trained.CreateGenerator();

        var error = Assert.Throws<PrimeException>(() => generator.Encode(prime));

        Assert.Contains("None of the words", error.Message);
        Assert.DoesNotContain('\u001b', error.Message);
        Assert.Equal(PrimeProblem.NoKnownWord, error.Problem);
    }

    [Fact]
    public void Encode_ShortensALongUnknownWord_WithoutSplittingACharacter()
    {
        // Given one unknown word of an ASCII letter and 30 mathematical letters, a surrogate pair each
        var generator = trained.CreateGenerator();
        var letters = string.Concat(Enumerable.Repeat("\U0001D41A", 30));

        var error = Assert.Throws<PrimeException>(() => generator.Encode("x" + letters));

        // Then the shown word is 24 whole characters: x and 23 pairs
        Assert.Contains($"(x{letters[..46]}…)", error.Message);
    }

    [Fact]
    public void Encode_RefusesAPrimeLongerThanTheLimit()
    {
        var generator = trained.CreateGenerator();

        var error = Assert.Throws<PrimeException>(() => generator.Encode(string.Join(' ', Enumerable.Repeat("thou", 10_000))));

        Assert.Contains("10000 words", error.Message);
        Assert.Equal(PrimeProblem.TooManyWords, error.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!...")]
    public void Encode_RefusesAPrimeWithoutWords(string prime)
    {
        var generator = trained.CreateGenerator();

        var error = Assert.Throws<PrimeException>(() => generator.Encode(prime));
        Assert.Contains("no words", error.Message);
        Assert.Equal(PrimeProblem.NoWords, error.Problem);
    }

    [Fact]
    public void Continue_RefusesSettingsWithoutASeed_BeforeGeneratingAWord()
    {
        var generator = trained.CreateGenerator();

        Assert.Throws<ArgumentException>(() => generator.Continue(generator.Encode("thou"), new ArgMaxSampler(), TenWords with { Seed = null }));
    }

    [Fact]
    public void Continue_RejectsASamplerThatBreaksTheContract()
    {
        var generator = trained.CreateGenerator();

        var error = Assert.Throws<SamplerException>(() => generator.Continue(generator.Encode("thou"), new ConstantSampler(0), TenWords).ToList());
        Assert.Contains("forbidden", error.Message);
        var outOfRange = Assert.Throws<SamplerException>(() => generator.Continue(generator.Encode("thou"), new ConstantSampler(1_000_000), TenWords).ToList());
        Assert.Contains("outside", outOfRange.Message);
    }

    private sealed class ConstantSampler(int id) : ISampler
    {
        public string Name => "constant";

        public string Description => "returns one id";

        public int Next(ReadOnlySpan<float> logits, SamplingContext context) => id;
    }
}
