using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Core.Workflow;

/// <summary>
/// Loads a corpus through the named provider plugin. A plugin is untrusted code: its own failures and a load that
/// outlasts the deadline become a user-facing <see cref="CorpusUnavailableException"/>.
/// </summary>
public sealed class CorpusLoader(PluginCatalog catalog, TimeSpan deadline)
{
    public Task<Corpus> LoadAsync(string providerName, string? path, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        var provider = catalog.GetCorpusProvider(providerName);
        return LoadAsync(provider.Plugin, provider.Name, path, progress, deadline, cancellationToken);
    }

    internal static async Task<Corpus> LoadAsync(
        ICorpusProvider provider, string name, string? path, IProgress<CorpusLoadProgress>? progress, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var request = new CorpusRequest(string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            // Run on the pool so a plugin that blocks before its first await cannot hold the caller; WaitAsync bounds
            // a plugin that ignores the token.
            var load = Task.Run(() => provider.LoadAsync(request, progress, timeout.Token), CancellationToken.None);
            return await load.WaitAsync(deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CorpusUnavailableException(
                $"The corpus plugin '{name}' did not finish within {deadline}. Raise Corpus:LoadTimeout or use --corpus text-file --corpus-path FILE.", e);
        }
        catch (Exception e) when (e is not (CorpusUnavailableException or OperationCanceledException))
        {
            throw new CorpusUnavailableException($"The corpus plugin '{name}' failed: {e.Message}", e);
        }
    }
}
