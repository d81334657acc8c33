using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Game;

/// <summary>
/// Deals the rounds of a game from the validation text (never trained on): a seeded draw of positions, each shown as
/// the <see cref="ShownWords"/> words before it, whose word is known to the vocabulary. One seed, one deal.
/// </summary>
public static class GameDeck
{
    public const int Rounds = 10;
    public const int ShownWords = 8;

    /// <summary>The rounds for <paramref name="seed"/>; fewer than <see cref="Rounds"/> only when the text is too short.</summary>
    public static IReadOnlyList<GameRound> Deal(int[] validation, GuardedVocabulary vocabulary, int seed)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var candidates = Enumerable.Range(ShownWords, Math.Max(0, validation.Length - ShownWords))
            .Where(i => validation[i] != vocabulary.UnknownId && new ArraySegment<int>(validation, i - ShownWords, ShownWords).Any(id => id != vocabulary.UnknownId))
            .ToArray();
        new Random(seed).Shuffle(candidates);
        var taken = new List<int>(Rounds);
        foreach (var at in candidates)
        {
            // Rounds never overlap, so no round shows another's hidden word.
            if (taken.Count < Rounds && taken.TrueForAll(t => Math.Abs(t - at) > ShownWords))
            {
                taken.Add(at);
            }
        }

        return taken.Select(at =>
        {
            var shown = validation[(at - ShownWords)..at];
            return new GameRound(shown.Select(vocabulary.DisplayText).ToList(), shown, vocabulary.DisplayText(validation[at]), validation[at]);
        }).ToList();
    }
}
