namespace LstmTerminal.Core.Generation;

/// <summary>How loopy a completion is: the generated bigrams that already occurred earlier in the prime or the completion.</summary>
public static class RepeatedBigrams
{
    /// <summary>
    /// Counts the bigrams of words (the decoded text split on whitespace) that end in a word after the prime's and occurred
    /// earlier, so completions at every token level compare. At the word level it equals <see cref="Count{T}"/> of the ids.
    /// </summary>
    /// <param name="prime">The prime as the model read it.</param>
    /// <param name="continuation">The generated text that follows it, its leading space or line break included.</param>
    public static int CountWords(string prime, string continuation)
    {
        var words = Words(prime + continuation);
        var primeWords = Math.Min(Words(prime).Length, words.Length);
        return Count(words[..primeWords], words[primeWords..]);
    }

    /// <summary>Counts each bigram ending in a generated item whose pair occurred earlier in prime + generated.</summary>
    public static int Count<T>(IReadOnlyList<T> prime, IReadOnlyList<T> generated)
    {
        T[] text = [.. prime, .. generated];
        var seen = new HashSet<(T, T)>();
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

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
