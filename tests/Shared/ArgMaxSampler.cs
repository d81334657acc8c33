using LstmTerminal.Abstractions;

namespace LstmTerminal.Testing;

/// <summary>Test double: the highest-scoring allowed id.</summary>
internal sealed class ArgMaxSampler : ISampler
{
    public string Name => "test-argmax";

    public string Description => "arg-max for tests";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        var best = -1;
        for (var i = 0; i < logits.Length; i++)
        {
            if (!context.ForbiddenTokens.Contains(i) && (best < 0 || logits[i] > logits[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
