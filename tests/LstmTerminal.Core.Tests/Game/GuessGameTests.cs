using LstmTerminal.Core.Game;
using LstmTerminal.Testing;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Tests.Game;

public sealed class GuessGameTests
{
    private static readonly int[] Validation = BiasOnlyModel.Validation;

    [Fact]
    public void Deal_GivesTenRounds_ThatASeedRepeats_AndAnotherSeedChanges()
    {
        // Given the validation text
        // When it is dealt twice with seed 42 and once with seed 43
        var first = GameDeck.Deal(Validation, BiasOnlyModel.Vocabulary, 42);
        var again = GameDeck.Deal(Validation, BiasOnlyModel.Vocabulary, 42);
        var other = GameDeck.Deal(Validation, BiasOnlyModel.Vocabulary, 43);

        // Then ten rounds of eight shown words, the same for the same seed, with known hidden words that follow the shown ones
        Assert.Equal(GameDeck.Rounds, first.Count);
        Assert.Equal(first.Select(r => (r.ShownText, r.Truth)), again.Select(r => (r.ShownText, r.Truth)));
        Assert.NotEqual(first.Select(r => r.ShownText), other.Select(r => r.ShownText));
        Assert.All(first, r =>
        {
            Assert.Equal(GameDeck.ShownWords, r.Shown.Count);
            Assert.NotEqual(BiasOnlyModel.UnknownId, r.TruthId);
            Assert.Equal(BiasOnlyModel.Vocabulary.DisplayText(r.TruthId), r.Truth);
            Assert.Contains([.. r.ShownIds, r.TruthId], Windows(Validation, GameDeck.ShownWords + 1));
        });
    }

    [Fact]
    public void Deal_GivesFewerRounds_WhenTheTextIsShort()
    {
        // Given a validation text with room for two rounds
        var shortText = Validation[..20];

        // When it is dealt
        var rounds = GameDeck.Deal(shortText, BiasOnlyModel.Vocabulary, 1);

        // Then the rounds it holds, never overlapping
        Assert.InRange(rounds.Count, 1, 2);
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

        // Then each round says who hit, the model's word and the truth's probability; the score adds them up
        Assert.True(game.IsOver);
        Assert.All(results, r =>
        {
            Assert.Equal("art", r.Guess);
            Assert.Equal(r.Round.Truth == "art", r.PlayerHit);
            Assert.Equal("thou", r.ModelGuess);
            Assert.Equal(r.Round.Truth == "thou", r.ModelHit);
            Assert.Equal(BiasOnlyModel.Probabilities[r.Round.Truth], r.TruthProbability, 1e-6);
        });
        Assert.Equal(GameDeck.Rounds, game.Score.Rounds);
        Assert.Equal(rounds.Count(r => r.Truth == "art"), game.Score.PlayerHits);
        Assert.Equal(rounds.Count(r => r.Truth == "thou"), game.Score.ModelHits);
        Assert.Equal(rounds.Average(r => BiasOnlyModel.Probabilities[r.Truth]), game.Score.AverageTruthProbability, 1e-6);
        Assert.Throws<InvalidOperationException>(() => game.Play("art", model));
    }

    private static IEnumerable<int[]> Windows(int[] ids, int length) =>
        Enumerable.Range(0, ids.Length - length + 1).Select(i => ids[i..(i + length)]);
}
