using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Core.Workflow;

/// <summary>
/// Loads a corpus through the named provider plugin. A plugin is untrusted code: its own failures and a load that
/// outlasts the deadline become a <see cref="CorpusPluginFaultException"/>, which <see cref="LoadOrFallBackAsync"/>
/// answers by loading the fallback provider. A <see cref="CorpusUnavailableException"/> (missing file, no network)
/// is the user's to fix and is passed on as it is.
/// </summary>
/// <param name="fallbackProvider">The provider that stands in for a faulting one; null or empty turns the fallback off.</param>
public sealed class CorpusLoader(PluginCatalog catalog, TimeSpan deadline, string? fallbackProvider)
{
    /// <summary>Loads through the named provider only, for a caller that must not score or train on a substitute.</summary>
    public Task<Corpus> LoadAsync(string providerName, string? path, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        var provider = catalog.GetCorpusProvider(providerName);
        return LoadAsync(provider.Plugin, provider.Name, path, progress, deadline, cancellationToken);
    }

    /// <summary>
    /// Loads through the named provider; if it faults, tells <paramref name="fellBack"/> (before the fallback starts,
    /// which may download) and loads the fallback provider with the same path.
    /// </summary>
    /// <exception cref="CorpusUnavailableException">The fallback failed too; the message names both.</exception>
    public async Task<Corpus> LoadOrFallBackAsync(
        string providerName, string? path, Action<string> fellBack, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fellBack);
        var provider = catalog.GetCorpusProvider(providerName);
        try
        {
            return await LoadAsync(provider.Plugin, provider.Name, path, progress, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (CorpusPluginFaultException fault) when (
            !string.IsNullOrWhiteSpace(fallbackProvider) && !string.Equals(fallbackProvider, provider.Name, StringComparison.OrdinalIgnoreCase))
        {
            fellBack($"{Sentence.Close(fault.Message)} Switched to the '{fallbackProvider}' corpus.");
            try
            {
                var fallback = catalog.GetCorpusProvider(fallbackProvider);
                return await LoadAsync(fallback.Plugin, fallback.Name, path, progress, deadline, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is CorpusUnavailableException or CorpusPluginFaultException or PluginNotFoundException)
            {
                throw new CorpusUnavailableException($"{Sentence.Close(fault.Message)} The fallback corpus '{fallbackProvider}' failed too: {e.Message}", e);
            }
        }
    }

    internal static async Task<Corpus> LoadAsync(
        ICorpusProvider provider, string name, string? path, IProgress<CorpusLoadProgress>? progress, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var request = new CorpusRequest(string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        Corpus? corpus;
        try
        {
            // Run on the pool so a plugin that blocks before its first await cannot hold the caller; WaitAsync bounds
            // a plugin that ignores the token.
            var load = Task.Run(() => provider.LoadAsync(request, progress, timeout.Token), CancellationToken.None);
            corpus = await load.WaitAsync(deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CorpusPluginFaultException(
                $"The corpus plugin '{name}' did not finish within {deadline}. Raise Corpus:LoadTimeout or use --corpus text-file --corpus-path FILE.", e);
        }
        catch (Exception e) when (e is not (CorpusUnavailableException or OperationCanceledException))
        {
            throw new CorpusPluginFaultException($"The corpus plugin '{name}' failed: {e.Message}", e);
        }

        // The contract's nullability is not enforced at run time: a plugin can still hand back nulls.
        return corpus is { Title: not null, Text: not null, Source: not null, Notices: not null }
            ? corpus
            : throw new CorpusPluginFaultException($"The corpus plugin '{name}' returned {(corpus is null ? "no corpus (null)" : "a corpus without its title, text, source or notices")}.");
    }
}
