using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Core.Workflow;

/// <summary>Loads a corpus through the named provider plugin, turning a plugin's own failure into a user-facing one.</summary>
public sealed class CorpusLoader(PluginCatalog catalog)
{
    public async Task<Corpus> LoadAsync(string providerName, string? path, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        var provider = catalog.GetCorpusProvider(providerName);
        var request = new CorpusRequest(string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path));
        try
        {
            return await provider.Plugin.LoadAsync(request, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (CorpusUnavailableException or OperationCanceledException))
        {
            throw new CorpusUnavailableException($"The corpus plugin '{provider.Name}' failed: {e.Message}", e);
        }
    }
}
