using LstmTerminal.Abstractions;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Workflow;

namespace LstmTerminal.Torch.Workflow;

/// <summary>
/// Which sampler writes the completions shown during training. They stream word by word through a sampler plugin;
/// beam search is a generation mode only, so a configured <c>beam</c> samples with greedy instead. A plugin that
/// fails is replaced by a <see cref="FallbackSampler"/>, so the samples keep coming.
/// </summary>
public static class TrainingSamples
{
    public const string BeamFallback = "greedy";

    /// <param name="switched">Told once if the sampler fails and is replaced, on the training thread.</param>
    /// <param name="notice">Set when the configured sampler was replaced, for the user to read.</param>
    /// <exception cref="PluginNotFoundException">The configured (or fallback) sampler is not loaded.</exception>
    public static ISampler Sampler(PluginCatalog catalog, string configured, Action<SamplerSwitch> switched, out string? notice)
    {
        if (!BeamSearch.IsNamed(configured))
        {
            notice = null;
            return FallbackSampler.For(catalog, configured, switched);
        }

        notice = $"training samples use {BeamFallback}; the beam sampler is only available to completions";
        return FallbackSampler.For(catalog, BeamFallback, switched);
    }
}
