using LstmTerminal.Abstractions;

namespace LstmTerminal.Core.Plugins;

/// <summary>The loaded samplers a completion chooses from by name: the <see cref="PluginCatalog"/>, or a fixed list in tests.</summary>
public interface ISamplerSource
{
    IReadOnlyList<LoadedPlugin<ISampler>> Samplers { get; }

    /// <exception cref="PluginNotFoundException">No sampler has that name; the message lists those that do.</exception>
    LoadedPlugin<ISampler> GetSampler(string name);
}
