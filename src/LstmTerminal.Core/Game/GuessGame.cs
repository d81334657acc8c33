using LstmTerminal.Core.Generation;

namespace LstmTerminal.Core.Game;

/// <summary>
/// A game of "beat the model": its rounds are played in order; each guess is judged against the true word, and the
/// model is asked the same question (its own next word, and the probability it gives the truth). Not thread-safe.
/// </summary>
public sealed class GuessGame(int seed, IReadOnlyList<GameRound> rounds)
{
    /// <summary>Enough for a long word at character level; the model's answer is cut there if it never ends a word.</summary>
    public const int MaxAnswerTokens = 40;

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
        var context = generator.Vocabulary.Encode(round.Context).Ids;
        var modelGuess = ModelAnswer(context, generator);
        var result = new RoundResult
        {
            Round = round,
            Guess = GameWords.Core(guess),
            PlayerHit = GameWords.Same(guess, round.Truth),
            ModelGuess = modelGuess,
            ModelHit = GameWords.Same(modelGuess, round.Truth),
            TruthProbability = TruthProbability(round, context, generator),
        };
        Score = Score.Add(result);
        return result;
    }

    /// <summary>
    /// The model's most likely continuation, read until its first word is complete: one token at the word level, a few
    /// at the subword level, a letter at a time at the character level.
    /// </summary>
    private static string ModelAnswer(int[] context, Generator generator)
    {
        var vocabulary = generator.Vocabulary;
        var history = context.ToList();
        var text = string.Empty;
        foreach (var id in generator.MostLikely(context).Take(MaxAnswerTokens))
        {
            text += vocabulary.DecodePiece(history.ToArray(), id);
            history.Add(id);
            if (GameWords.FirstComplete(text) is { } word)
            {
                return word;
            }
        }

        return GameWords.Core(text);
    }

    /// <summary>
    /// The probability that the model's next tokens spell the truth. Tokens are compared as the context and context +
    /// truth encode: a subword level may join the truth's first letters to the context's last ones.
    /// </summary>
    private static double TruthProbability(GameRound round, int[] context, Generator generator)
    {
        var whole = generator.Vocabulary.Encode(round.Context + round.Truth).Ids;
        var shared = 0;
        while (shared < context.Length && shared < whole.Length && context[shared] == whole[shared])
        {
            shared++;
        }

        return generator.ProbabilityOf(whole[..shared], whole[shared..]);
    }
}
