using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Game;

/// <summary>
/// A game of "beat the model": its rounds are played in order; each guess is judged against the true word, and the
/// model is asked the same question (its top word, and the probability it gives the truth). Not thread-safe.
/// </summary>
public sealed class GuessGame(int seed, IReadOnlyList<GameRound> rounds)
{
    public int Seed { get; } = seed;

    public IReadOnlyList<GameRound> Rounds { get; } = rounds;

    public GameScore Score { get; private set; } = GameScore.Empty;

    /// <summary>The round waiting for a guess, or null when the game is over.</summary>
    public GameRound? Current => Score.Rounds < Rounds.Count ? Rounds[Score.Rounds] : null;

    public bool IsOver => Current is null;

    /// <summary>Judges <paramref name="guess"/> on the current round with <paramref name="generator"/> and moves to the next.</summary>
    /// <exception cref="InvalidOperationException">The game is over.</exception>
    public RoundResult Play(string guess, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var round = Current ?? throw new InvalidOperationException("The game is over.");
        var normalised = FirstToken(guess, generator.Vocabulary);
        // The ids as dealt: re-reading the shown text would turn an unknown word into a different one.
        var prime = new PrimeEncoding(round.ShownText, round.Shown, round.ShownIds, [], IgnoresSpaces: false);
        var top = generator.Predict(prime, 1)[0];
        var result = new RoundResult
        {
            Round = round,
            Guess = normalised,
            PlayerHit = string.Equals(normalised.Trim('\'', '-'), round.Truth.Trim('\'', '-'), StringComparison.Ordinal),
            ModelGuess = top.Label,
            ModelHit = top.Id == round.TruthId,
            TruthProbability = generator.ProbabilityOf(prime, round.TruthId),
        };
        Score = Score.Add(result);
        return result;
    }

    /// <summary>The guess's first token as the model's tokenizer reads it; an unknown one as typed, lower-cased.</summary>
    private static string FirstToken(string guess, GuardedVocabulary vocabulary)
    {
        var encoded = vocabulary.Encode(guess);
        return encoded.Ids switch
        {
            [] => string.Empty,
            [var first, ..] when first == vocabulary.UnknownId => guess[encoded.Unknown[0]].ToLowerInvariant(),
            [var first, ..] => vocabulary.DisplayText(first),
        };
    }
}
