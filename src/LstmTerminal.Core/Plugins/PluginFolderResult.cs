using LstmTerminal.Abstractions;

namespace LstmTerminal.Core.Plugins;

/// <summary>What one <see cref="PluginCatalog.LoadFolder"/> call added to the catalog.</summary>
public sealed record PluginFolderResult(
    string Folder,
    IReadOnlyList<LoadedPlugin<ICorpusProvider>> CorpusProviders,
    IReadOnlyList<LoadedPlugin<ISampler>> Samplers,
    IReadOnlyList<PluginLoadError> Errors)
{
    // Set by initialiser, so the positional constructor every caller uses stays as it was.
    public IReadOnlyList<LoadedPlugin<ITokenizer>> Tokenizers { get; init; } = [];
}
