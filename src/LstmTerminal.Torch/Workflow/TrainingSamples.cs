using LstmTerminal.Abstractions;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Torch.Workflow;

/// <summary>
/// Which sampler writes the completions shown during training. They stream word by word through a sampler plugin;
/// beam search is a generation mode only, so a configured <c>beam</c> samples with greedy instead. A plugin that
/// fails is replaced by a <see cref="FallbackSampler"/>, so the samples keep coming.
/// </summary>
public static class TrainingSamples
{
    public const string BeamFallback = "greedy";

    /// <summary>Whether <paramref name="configured"/> names beam search, which the samples replace with <see cref="BeamFallback"/>.</summary>
    public static bool ReplacesBeam(string configured) => BeamSearch.IsNamed(configured);

    /// <param name="switched">Told once if the sampler fails and is replaced, on the training thread.</param>
    /// <exception cref="PluginNotFoundException">The configured (or fallback) sampler is not loaded.</exception>
    public static ISampler Sampler(PluginCatalog catalog, string configured, Action<SamplerSwitch> switched) =>
        FallbackSampler.For(catalog, ReplacesBeam(configured) ? BeamFallback : configured, switched);
}
