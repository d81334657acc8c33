using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Text;
using LstmTerminal.Testing;

namespace LstmTerminal.Core.Tests.Generation;

/// <summary>Generation at the character and subword levels writes the text as the corpus does: case, punctuation, line breaks.</summary>
public sealed class TextPiecesTests
{
    /// <summary>Every character once, so each has one successor; a speaker's name on its own line.</summary>
    private const string Cycle = "KING:\nAy, me!";

    private static readonly SamplingSettings Greedy = new() { Words = 2 * Cycle.Length, Temperature = 1.0, Seed = 1 };

    private static string Repeated(int times) => string.Concat(Enumerable.Repeat(Cycle, times));

    private static Generator CycleModel(GuardedVocabulary vocabulary) => SuccessorModel.Create(vocabulary, vocabulary.Encode(Cycle).Ids);

    [Fact]
    public void Encode_CountsTokensNotWords_WhenAPrimeIsTooLongAtTheCharacterLevel()
    {
        // Given a character-level model
        var generator = CycleModel(TokenizerPlugins.Learn("characters", Repeated(20)));

        // When the prime is more line breaks than the limit allows
        var error = Assert.Throws<PrimeException>(() => generator.Encode(new string('\n', Generator.MaxPrimeWords + 1)));

        // Then the refusal counts them as tokens: there is no word in it
        Assert.Equal($"The prime phrase has {Generator.MaxPrimeWords + 1} tokens; the limit is {Generator.MaxPrimeWords}.", error.Message);
    }

    [Fact]
    public void Complete_WritesCapitalsPunctuationAndLineBreaks_AtTheCharacterLevel()
    {
        // Given a character-level model that has learned the cycle
        var generator = CycleModel(TokenizerPlugins.Learn("characters", Repeated(20)));

        // When "KING:" is completed
        var run = new Completion(generator).Start("KING:", new ArgMaxSampler(), Greedy);
        run.Complete();

        // Then prime and pieces read as the corpus, the line break included, and no space is put between characters
        Assert.Equal("KING:", run.Prime.Text);
        Assert.Equal(Repeated(3)[..(5 + Greedy.Words)], run.Prime.Text + run.Continuation);
        Assert.Equal(Repeated(3)[5..(5 + Greedy.Words)], run.Text);
        Assert.Equal("\n", run.Tokens[0].Piece);
    }

    [Fact]
    public void Complete_WritesTheTextThroughPieces_AtTheSubwordLevel()
    {
        // Given a subword-level model of the cycle, primed with its first two subwords
        var vocabulary = TokenizerPlugins.Learn("subwords", Repeated(50), ("Merges", 12));
        var generator = CycleModel(vocabulary);
        var cycleIds = vocabulary.Encode(Cycle).Ids;
        Assert.True(cycleIds.Length < Cycle.Length, "the merges should make some subwords longer than one character");
        var prime = vocabulary.Decode(cycleIds.AsSpan(0, 2));

        // When
        var run = new Completion(generator).Start(prime, new ArgMaxSampler(), Greedy with { Words = 2 * cycleIds.Length });
        run.Complete();

        // Then the prime and its pieces go on through the cycle twice, exactly
        Assert.Equal(Repeated(3)[..(prime.Length + 2 * Cycle.Length)], run.Prime.Text + run.Continuation);
        Assert.Equal(run.Continuation, run.Text);
    }

    [Fact]
    public void Start_ReadsALineBreakAndCapitalsInThePrime_AtTheCharacterLevel()
    {
        // Given
        var generator = CycleModel(TokenizerPlugins.Learn("characters", Repeated(20)));

        // When the prime holds a line break
        var run = new Completion(generator).Start("KING:\nAy", new ArgMaxSampler(), Greedy with { Words = 5 });
        run.Complete();

        // Then the model read it as typed and goes on after it
        Assert.Equal("KING:\nAy", run.Prime.Text);
        Assert.Equal(", me!", run.Continuation);
        Assert.False(run.Prime.IgnoresSpaces);
    }

    [Fact]
    public void Encode_KeepsTheWordLevelsReading_WithSpacesBetweenWords()
    {
        // Given the word level
        var generator = BiasOnlyModel.Create();

        // When
        var prime = generator.Encode("Thou  art MORE!");

        // Then it reads as before: lower case, one space between words, and a trailing space changes nothing
        Assert.Equal("thou art more", prime.Text);
        Assert.Equal(["thou", " art", " more"], prime.Pieces);
        Assert.True(prime.IgnoresSpaces);
    }

    [Fact]
    public void Duel_CountsRepeatedBigramsOfDecodedWords_AtTheCharacterLevel()
    {
        // Given the character-level cycle model and two cycles to write after "KING:"
        var generator = CycleModel(TokenizerPlugins.Learn("characters", Repeated(20)));
        var settings = Greedy with { Words = 2 * Cycle.Length };

        // When
        var report = new SamplerDuel(generator).Run(generator.Encode("KING:"), [new ArgMaxSampler()], settings);

        // Then "KING: Ay, me!KING: Ay, me!KING:" repeats one word bigram ("Ay," "me!KING:"), not the many character bigrams
        Assert.All(report.Results, r => Assert.Equal(Repeated(3)[5..(5 + settings.Words)], r.Text));
        Assert.All(report.Results, r => Assert.Equal(1, r.RepeatedBigrams));
    }

    [Theory]
    [InlineData("to be", " or not to be or not", 3)]
    [InlineData("to be", "\nor not\nto be", 1)]
    [InlineData("thou ar", "t more thou art", 1)]
    public void CountWords_CountsBigramsOfWordsSplitOnWhitespace(string prime, string continuation, int expected)
    {
        Assert.Equal(expected, RepeatedBigrams.CountWords(prime, continuation));
    }
}
