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
    /// Writes unnormalised softmax(logits / T) over the allowed ids, 0 for the rest, into <paramref name="weights"/>;
    /// <paramref name="best"/> is the allowed arg-max, which weighs exactly 1, so the total is never 0.
    /// </summary>
    public static void Weights(ReadOnlySpan<float> logits, SamplingContext context, Span<double> weights, out int best)
    {
        RequireTemperature(context.Temperature);
        best = AllowedTokens.ArgMax(logits, context.ForbiddenTokens);

        // Subtracting the largest logit keeps exp() in range.
        var max = (double)logits[best];
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
            else
            {
                weights[id] = 0;
            }
        }
    }

    /// <summary>The sum in id order, as every draw takes it, so equal weights always give an equal total.</summary>
    public static double Total(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        return total;
    }

    /// <summary>One draw in proportion to <paramref name="weights"/>, using exactly one number from <paramref name="random"/>.</summary>
    public static int Draw(ReadOnlySpan<double> weights, Random random, int best)
    {
        var target = random.NextDouble() * Total(weights);
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
