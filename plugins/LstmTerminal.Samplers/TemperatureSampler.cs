using LstmTerminal.Abstractions;

namespace LstmTerminal.Samplers;

/// <summary>Draws a word from softmax(logits / temperature): below 1 more conservative, above 1 more surprising.</summary>
public sealed class TemperatureSampler : ISampler
{
    public string Name => "temperature";

    public string Description => "Random draw from softmax(logits / T) with the seeded random source.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var temperature = context.Temperature;
        if (!double.IsFinite(temperature) || temperature <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(context),
                temperature,
                "The sampling temperature must be a finite number greater than 0 (e.g. 0.8); use the greedy sampler for deterministic output.");
        }

        var best = AllowedTokens.ArgMax(logits, context.ForbiddenTokens);

        // Subtracting the largest logit keeps exp() in range; the best id then weighs exactly 1, so the total is never 0.
        var max = (double)logits[best];
        var weights = new double[logits.Length];
        var total = 0.0;
        for (var id = 0; id < logits.Length; id++)
        {
            if (id == best)
            {
                weights[id] = 1.0;
            }
            else if (AllowedTokens.IsAllowed(id, logits[id], context.ForbiddenTokens))
            {
                var weight = Math.Exp((logits[id] - max) / temperature);

                // Two infinite logits give inf - inf = NaN; such a tie is left to the best id.
                weights[id] = double.IsNaN(weight) ? 0 : weight;
            }

            total += weights[id];
        }

        var target = context.Random.NextDouble() * total;
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
