using LstmTerminal.Abstractions;

namespace LstmTerminal.Samplers;

/// <summary>
/// Nucleus (top-p) sampling: draws from the smallest set of most likely allowed words whose probability mass at the
/// context's temperature reaches p, renormalised. The set shrinks where the model is sure and widens where it is not.
/// </summary>
public sealed class NucleusSampler : ISampler
{
    public const double DefaultP = 0.9;

    private readonly double _p;
    private readonly DrawBuffers _buffers = new();

    /// <param name="context">Supplies <c>Plugins:nucleus:P</c> (default 0.9); a context's <see cref="SamplingContext.TopP"/> below 1 wins.</param>
    public NucleusSampler(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _p = PluginSetting.Double(context, "nucleus", "P", DefaultP, 0, 1);
    }

    public string Name => "nucleus";

    public string Description => $"Random draw among the most likely words holding probability mass p (Plugins:nucleus:P, default {DefaultP}) at temperature T.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!(context.TopP > 0 && context.TopP <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(context), context.TopP, "The nucleus mass p must be greater than 0 and at most 1 (e.g. 0.9).");
        }

        // The temperature reshapes the distribution first, then the nucleus is cut from it, as is usual.
        var p = context.TopP < 1 ? context.TopP : _p;
        var weights = _buffers.Weights(logits.Length);
        SoftmaxDraw.Weights(logits, context, weights, out var best);
        var total = SoftmaxDraw.Total(weights);
        var ranked = new RankedIds(logits, weights, _buffers.Keys(logits.Length));
        var mass = 0.0;
        while (mass < p * total && ranked.TryTakeNext(out var id))
        {
            mass += weights[id];
        }

        ranked.ZeroTheRest(weights);

        return SoftmaxDraw.Draw(weights, context.Random, best);
    }
}
