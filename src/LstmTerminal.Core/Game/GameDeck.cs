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

    /// <summary>
    /// Longer lines make no round and are shown as no round's line before: a corpus without line breaks would otherwise
    /// show its whole validation text as one round's start, and the model would read all of it for every answer.
    /// </summary>
    public const int MaxLineLength = 500;

    /// <summary>The rounds for <paramref name="seed"/>; fewer than <see cref="Rounds"/> only when the text is too short.</summary>
    public static IReadOnlyList<GameRound> Deal(string validation, GuardedVocabulary vocabulary, int seed)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var (lines, breaks) = Lines(validation);
        var order = Enumerable.Range(0, lines.Count).ToArray();
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
                var before = index > 0 && lines[index - 1].Trim().Length > 0 && lines[index - 1].Length <= MaxLineLength ? lines[index - 1] : null;
                rounds.Add(new GameRound(before, cut.Start, cut.Truth) { LineBreak = before is null ? GameRound.DefaultLineBreak : breaks[index - 1] });
            }
        }

        return rounds;
    }

    /// <summary>The line cut before a word the vocabulary knows (chosen at random among its words after the first), or null.</summary>
    private static (string Start, string Truth)? Cut(string line, GuardedVocabulary vocabulary, Random random)
    {
        var words = WordStarts(line);
        if (words.Count < MinLineWords || line.Length > MaxLineLength)
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

    /// <summary>The lines of the text and the break that ends each (LF, CRLF or a lone CR, as the corpus wrote it; "" for the last).</summary>
    private static (List<string> Lines, List<string> Breaks) Lines(string text)
    {
        var (lines, breaks) = (new List<string>(), new List<string>());
        var start = 0;
        while (true)
        {
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            if (end < 0)
            {
                lines.Add(text[start..]);
                breaks.Add(string.Empty);
                return (lines, breaks);
            }

            end += start;
            var next = LineBreaks.NextLineStart(text, end);
            lines.Add(text[start..end]);
            breaks.Add(text[end..next]);
            start = next;
        }
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
