using LstmTerminal.Abstractions;

namespace LstmTerminal.Samplers;

/// <summary>Draws from the k most likely allowed words only, renormalised, at the context's temperature.</summary>
public sealed class TopKSampler : ISampler
{
    public const int DefaultK = 40;

    private readonly int _k;
    private readonly DrawBuffers _buffers = new();

    /// <param name="context">Supplies <c>Plugins:top-k:K</c> (default 40); a context's <see cref="SamplingContext.TopK"/> above 0 wins.</param>
    public TopKSampler(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _k = PluginSetting.Int(context, "top-k", "K", DefaultK, 1, 1_000_000);
    }

    public string Name => "top-k";

    public string Description => $"Random draw among the k most likely words (Plugins:top-k:K, default {DefaultK}) at temperature T.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var k = context.TopK > 0 ? context.TopK : _k;
        var weights = _buffers.Weights(logits.Length);
        SoftmaxDraw.Weights(logits, context, weights, out var best);
        var ranked = new RankedIds(logits, weights, _buffers.Keys(logits.Length));
        ranked.Take(k);
        ranked.ZeroTheRest(weights);

        return SoftmaxDraw.Draw(weights, context.Random, best);
    }
}
