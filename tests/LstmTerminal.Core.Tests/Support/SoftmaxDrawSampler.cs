using LstmTerminal.Abstractions;

namespace LstmTerminal.Core.Tests.Support;

/// <summary>Test double: a draw from softmax(logits / T) over the allowed ids, with the context's seeded random source.</summary>
internal sealed class SoftmaxDrawSampler : ISampler
{
    public string Name => "test-softmax";

    public string Description => "softmax draw for tests";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        var max = float.NegativeInfinity;
        for (var id = 0; id < logits.Length; id++)
        {
            if (!context.ForbiddenTokens.Contains(id))
            {
                max = Math.Max(max, logits[id]);
            }
        }

        var weights = new double[logits.Length];
        for (var id = 0; id < logits.Length; id++)
        {
            weights[id] = context.ForbiddenTokens.Contains(id) ? 0 : Math.Exp((logits[id] - max) / context.Temperature);
        }

        var target = context.Random.NextDouble() * weights.Sum();
        var last = -1;
        for (var id = 0; id < weights.Length; id++)
        {
            if (weights[id] > 0)
            {
                last = id;
                target -= weights[id];
                if (target < 0)
                {
                    return id;
                }
            }
        }

        return last;
    }
}
