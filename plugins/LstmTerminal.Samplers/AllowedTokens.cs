namespace LstmTerminal.Samplers;

/// <summary>The one place that decides which ids a sampler may return, so every sampler honours the forbidden set alike.</summary>
internal static class AllowedTokens
{
    public static bool IsAllowed(int id, float logit, IReadOnlySet<int> forbidden) =>
        !float.IsNaN(logit) && !forbidden.Contains(id);

    /// <summary>The allowed id with the highest logit; the lowest such id on ties, so results are reproducible.</summary>
    public static int ArgMax(ReadOnlySpan<float> logits, IReadOnlySet<int> forbidden)
    {
        var best = -1;
        for (var id = 0; id < logits.Length; id++)
        {
            // The cheap comparison first: the set lookup is then needed only for the few ids that beat the best so far.
            if ((best < 0 || logits[id] > logits[best]) && IsAllowed(id, logits[id], forbidden))
            {
                best = id;
            }
        }

        return best >= 0
            ? best
            : throw new InvalidOperationException(
                $"Every one of the {logits.Length} token ids is forbidden (or has a NaN score), so there is no word to pick. " +
                "Check the forbidden-token set and the vocabulary size.");
    }
}
