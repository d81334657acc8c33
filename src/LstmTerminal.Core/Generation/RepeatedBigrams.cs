namespace LstmTerminal.Core.Generation;

/// <summary>How loopy a completion is: the generated bigrams that already occurred earlier in the prime or the completion.</summary>
public static class RepeatedBigrams
{
    /// <summary>Counts each bigram ending in a generated word whose pair of ids occurred earlier in prime + generated.</summary>
    public static int Count(IReadOnlyList<int> prime, IReadOnlyList<int> generated)
    {
        int[] text = [.. prime, .. generated];
        var seen = new HashSet<(int, int)>();
        var repeats = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (!seen.Add((text[i - 1], text[i])) && i >= prime.Count)
            {
                repeats++;
            }
        }

        return repeats;
    }
}
