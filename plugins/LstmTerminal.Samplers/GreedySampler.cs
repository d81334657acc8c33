using LstmTerminal.Abstractions;

namespace LstmTerminal.Samplers;

/// <summary>Always picks the most likely allowed word: deterministic, and prone to loops.</summary>
public sealed class GreedySampler : ISampler
{
    public string Name => "greedy";

    public string Description => "Always the most likely word (deterministic).";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AllowedTokens.ArgMax(logits, context.ForbiddenTokens);
    }
}
