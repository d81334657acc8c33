using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Game;

/// <summary>
/// Deals the rounds of a game from the validation text (never trained on): a seeded draw of real lines, each cut before
/// one of its words after the first, whose word the vocabulary knows. One seed, one deal.
/// </summary>
public static class GameDeck
{
    public const int Rounds = 10;

    /// <summary>Lines with fewer words (a speaker's name, a stage direction) make no round.</summary>
    public const int MinLineWords = 3;

    /// <summary>The rounds for <paramref name="seed"/>; fewer than <see cref="Rounds"/> only when the text is too short.</summary>
    public static IReadOnlyList<GameRound> Deal(string validation, GuardedVocabulary vocabulary, int seed)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var lines = validation.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        var order = Enumerable.Range(0, lines.Length).ToArray();
        var random = new Random(seed);
        random.Shuffle(order);
        var taken = new List<int>(Rounds);
        var rounds = new List<GameRound>(Rounds);
        foreach (var index in order)
        {
            // A round shows the line before its own, so rounds two lines apart never show another's hidden word.
            if (rounds.Count == Rounds || taken.Exists(t => Math.Abs(t - index) < 2))
            {
                continue;
            }

            if (Cut(lines[index], vocabulary, random) is { } cut)
            {
                taken.Add(index);
                rounds.Add(new GameRound(index > 0 && lines[index - 1].Trim().Length > 0 ? lines[index - 1] : null, cut.Start, cut.Truth));
            }
        }

        return rounds;
    }

    /// <summary>The line cut before a word the vocabulary knows (chosen at random among its words after the first), or null.</summary>
    private static (string Start, string Truth)? Cut(string line, GuardedVocabulary vocabulary, Random random)
    {
        var words = WordStarts(line);
        if (words.Count < MinLineWords)
        {
            return null;
        }

        var at = words[1 + random.Next(words.Count - 1)];
        var end = at;
        while (end < line.Length && !char.IsWhiteSpace(line[end]))
        {
            end++;
        }

        // Only a word that starts with a letter: the shown text then ends exactly where the truth begins.
        var truth = GameWords.Core(line[at..end]);
        var playable = char.IsLetter(line[at]) && vocabulary.Encode(truth) is { Ids.Length: > 0, Unknown.Count: 0 };
        return playable ? (line[..at], truth) : null;
    }

    /// <summary>Where each whitespace-separated word of the line starts.</summary>
    private static List<int> WordStarts(string line)
    {
        var starts = new List<int>();
        for (var i = 0; i < line.Length; i++)
        {
            if (!char.IsWhiteSpace(line[i]) && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                starts.Add(i);
            }
        }

        return starts;
    }
}
