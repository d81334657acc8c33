using LstmTerminal.Abstractions;

namespace LstmTerminal.Samplers;

/// <summary>
/// Softmax-at-temperature weights over the allowed ids and one seeded draw from them: the arithmetic every random
/// sampler shares, so top-k and nucleus differ from temperature only in which weights they zero.
/// </summary>
internal static class SoftmaxDraw
{
    public static void RequireTemperature(double temperature)
    {
        if (!double.IsFinite(temperature) || temperature <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(temperature),
                temperature,
                "The sampling temperature must be a finite number greater than 0 (e.g. 0.8); use the greedy sampler for deterministic output.");
        }
    }

    /// <summary>
    /// Unnormalised softmax(logits / T) over the allowed ids, 0 for the rest; <paramref name="best"/> is the allowed
    /// arg-max, which weighs exactly 1, so the total is never 0.
    /// </summary>
    public static double[] Weights(ReadOnlySpan<float> logits, SamplingContext context, out int best)
    {
        RequireTemperature(context.Temperature);
        best = AllowedTokens.ArgMax(logits, context.ForbiddenTokens);

        // Subtracting the largest logit keeps exp() in range.
        var max = (double)logits[best];
        var weights = new double[logits.Length];
        for (var id = 0; id < logits.Length; id++)
        {
            if (id == best)
            {
                weights[id] = 1.0;
            }
            else if (AllowedTokens.IsAllowed(id, logits[id], context.ForbiddenTokens))
            {
                var weight = Math.Exp((logits[id] - max) / context.Temperature);

                // Two infinite logits give inf - inf = NaN; such a tie is left to the best id.
                weights[id] = double.IsNaN(weight) ? 0 : weight;
            }
        }

        return weights;
    }

    /// <summary>The ids with a weight, most likely first; the lower id first on equal logits, so results are reproducible.</summary>
    public static int[] Ranked(ReadOnlySpan<float> logits, double[] weights)
    {
        var ids = new List<int>();
        for (var id = 0; id < weights.Length; id++)
        {
            if (weights[id] > 0)
            {
                ids.Add(id);
            }
        }

        var scores = logits.ToArray();
        ids.Sort((a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        return [.. ids];
    }

    /// <summary>One draw in proportion to <paramref name="weights"/>, using exactly one number from <paramref name="random"/>.</summary>
    public static int Draw(double[] weights, Random random, int best)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var target = random.NextDouble() * total;
        for (var id = 0; id < weights.Length; id++)
        {
            target -= weights[id];
            if (target < 0)
            {
                return id;
            }
        }

        // Rounding can leave a sliver of the total unclaimed; the best id is the honest answer then.
        return best;
    }
}
