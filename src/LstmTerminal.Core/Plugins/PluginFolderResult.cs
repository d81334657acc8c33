namespace LstmTerminal.Core.Plugins;

/// <summary>What one <see cref="PluginCatalog.LoadFolder"/> call added to the catalog.</summary>
public sealed record PluginFolderResult(
    string Folder,
    IReadOnlyList<LoadedPlugin<LstmTerminal.Abstractions.ICorpusProvider>> CorpusProviders,
    IReadOnlyList<LoadedPlugin<LstmTerminal.Abstractions.ISampler>> Samplers,
    IReadOnlyList<PluginLoadError> Errors);
