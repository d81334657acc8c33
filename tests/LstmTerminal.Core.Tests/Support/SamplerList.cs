using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Core.Tests.Support;

/// <summary>Test double of the plugin catalog's samplers: a fixed list, all shipped, found by name as the catalog finds them.</summary>
internal sealed class SamplerList(params ISampler[] samplers) : ISamplerSource
{
    public IReadOnlyList<LoadedPlugin<ISampler>> Samplers { get; } =
        samplers.Select(s => new LoadedPlugin<ISampler>(s, s.Name, PluginKinds.Sampler, s.Description, "1.0", "/plugins/" + s.Name, PluginSource.Shipped)).ToList();

    public LoadedPlugin<ISampler> GetSampler(string name) =>
        Samplers.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new PluginNotFoundException($"There is no sampler named '{name}'. Known samplers: {string.Join(", ", Samplers.Select(s => s.Name))}.");
}
