using LstmTerminal.Core.Game;
using LstmTerminal.Testing;

namespace LstmTerminal.Core.Tests.Game;

public sealed class GuessGameTests
{
    private static readonly string Validation = BiasOnlyModel.Validation;

    [Fact]
    public void Deal_GivesTenRounds_ThatASeedRepeats_AndAnotherSeedChanges()
    {
        // Given the validation text
        // When it is dealt twice with seed 42 and once with seed 43
        var first = GameDeck.Deal(Validation, BiasOnlyModel.Vocabulary, 42);
        var again = GameDeck.Deal(Validation, BiasOnlyModel.Vocabulary, 42);
        var other = GameDeck.Deal(Validation, BiasOnlyModel.Vocabulary, 43);

        // Then ten rounds, the same for the same seed, other rounds for another
        Assert.Equal(GameDeck.Rounds, first.Count);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Deal_CutsRealLines_BeforeAKnownWord_AfterTheLineBefore()
    {
        // Given the validation text: speakers' names on their own lines, verse with known and unknown words
        var lines = Validation.Split('\n');

        // When it is dealt
        var rounds = GameDeck.Deal(Validation, BiasOnlyModel.Vocabulary, 7);

        // Then each round is the start of a verse line, shown after the whole line before it, and its hidden word is the
        // known word that follows there, as written but without its punctuation
        Assert.All(rounds, r =>
        {
            var index = Enumerable.Range(1, lines.Length - 1).FirstOrDefault(i => lines[i - 1] == r.Before && lines[i].StartsWith(r.Start + r.Truth, StringComparison.Ordinal));
            Assert.True(index > 0, $"'{r.Before}' then '{r.Start}{r.Truth}' are no two lines of the text");
            Assert.Equal(r.Before + "\n" + r.Start, r.Context);
            Assert.True(r.Start.Trim().Length > 0, "a round shows at least one word of its line");
            Assert.Contains(r.Truth.ToLowerInvariant(), BiasOnlyModel.Probabilities.Keys);
        });
    }

    [Fact]
    public void Deal_GivesFewerRounds_WhenTheTextIsShort()
    {
        // Given a validation text with two lines of verse
        var shortText = "A:\nthou art more\nB:\nmore art thou\n";

        // When it is dealt
        var rounds = GameDeck.Deal(shortText, BiasOnlyModel.Vocabulary, 1);

        // Then one round per verse line, never two that show each other's lines
        Assert.Equal(2, rounds.Count);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    public void Deal_ReadsLinesEndedByCarriageReturns_AndGivesTheModelTheBreaksAsWritten(string lineBreak)
    {
        // Given the validation text with every line ended by a lone CR (old Mac text) or CRLF (Windows text)
        var written = Validation.Replace("\n", lineBreak, StringComparison.Ordinal);

        // When it is dealt
        var rounds = GameDeck.Deal(written, BiasOnlyModel.Vocabulary, 42);

        // Then the same ten lines as with LF, each round's context joined by the break the text holds (a character level
        // that learned CRLF as one character does not know a lone LF)
        var lineFeeds = GameDeck.Deal(Validation, BiasOnlyModel.Vocabulary, 42);
        Assert.Equal(lineFeeds.Select(r => (r.Before, r.Start, r.Truth)), rounds.Select(r => (r.Before, r.Start, r.Truth)));
        Assert.All(rounds.Where(r => r.Before is not null), r => Assert.Equal(r.Before + lineBreak + r.Start, r.Context));
    }

    [Fact]
    public void Deal_ShowsNoLineLongerThanTheCap_NeitherAsARoundNorAsTheLineBefore()
    {
        // Given a validation text whose second line runs on for thousands of words (a corpus without line breaks), then a verse line
        var giant = string.Join(' ', Enumerable.Repeat("thou art more", 2000));
        var text = $"A:\n{giant}\nmore art thou\n";

        // When it is dealt
        var rounds = GameDeck.Deal(text, BiasOnlyModel.Vocabulary, 3);

        // Then only the verse line makes a round, shown without the giant line before it
        var round = Assert.Single(rounds);
        Assert.Null(round.Before);
        Assert.StartsWith("more ", round.Start, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_ScoresThePlayerAgainstAModelWhoseAnswersAreKnown()
    {
        // Given a game on seed 42 and a model that always answers "thou" (0.5), "art" 0.3, "more" 0.2
        var rounds = GameDeck.Deal(Validation, BiasOnlyModel.Vocabulary, 42);
        var game = new GuessGame(42, rounds);
        var model = BiasOnlyModel.Create();

        // When the player always guesses "art", written as a person would
        var results = rounds.Select(_ => game.Play("  Art! ", model)).ToList();

        // Then each round says who hit (case does not matter), the model's word and the truth's probability; the score adds them up
        Assert.True(game.IsOver);
        Assert.All(results, r =>
        {
            var truth = r.Round.Truth.ToLowerInvariant();
            Assert.Equal("Art", r.Guess);
            Assert.Equal(truth == "art", r.PlayerHit);
            Assert.Equal("thou", r.ModelGuess);
            Assert.Equal(truth == "thou", r.ModelHit);
            Assert.Equal(BiasOnlyModel.Probabilities[truth], r.TruthProbability, 1e-6);
        });
        Assert.Equal(GameDeck.Rounds, game.Score.Rounds);
        Assert.Equal(rounds.Count(r => r.Truth.Equals("art", StringComparison.OrdinalIgnoreCase)), game.Score.PlayerHits);
        Assert.Equal(rounds.Count(r => r.Truth.Equals("thou", StringComparison.OrdinalIgnoreCase)), game.Score.ModelHits);
        Assert.Equal(rounds.Average(r => BiasOnlyModel.Probabilities[r.Truth.ToLowerInvariant()]), game.Score.AverageTruthProbability, 1e-6);
        Assert.Throws<InvalidOperationException>(() => game.Play("art", model));
    }

    [Fact]
    public void Play_AtTheCharacterLevel_GivesTheTruthTheProductOfItsLetters_AndReadsTheModelLetterByLetter()
    {
        // Given a character-level model that writes "o" 0.6, "t" 0.3 and a space 0.1 after any text, and a round hiding "to"
        var vocabulary = TokenizerPlugins.Learn("characters", "to be or not to be\n");
        var model = BiasOnlyModel.Create(vocabulary, new Dictionary<int, double> { [Id('o')] = 0.6, [Id('t')] = 0.3, [Id(' ')] = 0.1 });
        var game = new GuessGame(1, [new GameRound("A:", "or not ", "to")]);

        // When the player guesses "to"
        var result = game.Play("to", model);

        // Then the truth's probability is that of "t" then "o", and the model's answer is its letters up to the first
        // letter that can end no word: it never writes one, so its answer is cut at the longest answer it may give
        Assert.True(result.PlayerHit);
        Assert.Equal(0.3 * 0.6, result.TruthProbability, 1e-6);
        Assert.Equal(new string('o', GuessGame.MaxAnswerTokens), result.ModelGuess);
        Assert.False(result.ModelHit);

        int Id(char c) => vocabulary.Encode(c.ToString()).Ids.Single();
    }
}
