using LstmTerminal.Abstractions;
using LstmTerminal.Core.Generation;

namespace LstmTerminal.Core.Plugins;

/// <summary>
/// Stands in for an untrusted sampler. The first time it throws, runs out of memory, misses the guard's deadline or
/// returns an id that is out of range or forbidden, the failure is reported once and that word and every later one
/// come from the fallback, so a completion or a training run keeps going.
/// </summary>
public sealed class FallbackSampler : ISampler
{
    /// <summary>Deterministic and without settings, so the least likely to fail in turn.</summary>
    public const string PreferredFallback = "greedy";

    private readonly ISampler _primary;
    private readonly ISampler? _fallback;
    private readonly Action<SamplerSwitch> _switched;
    private ISampler? _replacement;

    /// <param name="fallback">Null when there is nothing to switch to; the primary's failure then reaches the caller.</param>
    /// <param name="switched">Called once, on the calling thread, when the primary is given up.</param>
    public FallbackSampler(ISampler primary, ISampler? fallback, Action<SamplerSwitch> switched)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(switched);
        _primary = primary;
        _fallback = fallback;
        _switched = switched;
    }

    /// <summary>The sampler in use: the primary's name until it fails, then the fallback's.</summary>
    public string Name => Active.Name;

    public string Description => Active.Description;

    private ISampler Active => _replacement ?? _primary;

    /// <summary>The named sampler, falling back to <see cref="ChooseFallback"/> among the other loaded samplers.</summary>
    /// <exception cref="PluginNotFoundException">No sampler has that name.</exception>
    public static FallbackSampler For(ISamplerSource samplers, string name, Action<SamplerSwitch> switched)
    {
        ArgumentNullException.ThrowIfNull(samplers);
        var primary = samplers.GetSampler(name);
        return new FallbackSampler(primary.Plugin, ChooseFallback(samplers.Samplers, primary.Name)?.Plugin, switched);
    }

    /// <summary>
    /// <see cref="PreferredFallback"/> (the shipped one whenever it loaded: shipped plugins win their names), else the
    /// first other shipped sampler, else the first other one; null when there is no other.
    /// </summary>
    public static LoadedPlugin<ISampler>? ChooseFallback(IReadOnlyList<LoadedPlugin<ISampler>> loaded, string failing)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var others = loaded.Where(s => !string.Equals(s.Name, failing, StringComparison.OrdinalIgnoreCase)).ToList();
        return others.FirstOrDefault(s => string.Equals(s.Name, PreferredFallback, StringComparison.OrdinalIgnoreCase))
               ?? others.FirstOrDefault(s => s.Source == PluginSource.Shipped)
               ?? others.FirstOrDefault();
    }

    /// <exception cref="SamplerException">There is no fallback and the primary failed, or the fallback failed too.</exception>
    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        if (_replacement is not null)
        {
            return SamplerContract.Next(_replacement, logits, context);
        }

        try
        {
            return SamplerContract.Next(_primary, logits, context);
        }
        catch (SamplerException failure) when (_fallback is not null)
        {
            _replacement = _fallback;
            _switched(new SamplerSwitch(_primary.Name, _fallback.Name, failure.Message));
            try
            {
                return SamplerContract.Next(_fallback, logits, context);
            }
            catch (SamplerException second)
            {
                throw new SamplerException($"{Sentence.Close(failure.Message)} Its fallback failed too: {second.Message}", second);
            }
        }
    }
}
