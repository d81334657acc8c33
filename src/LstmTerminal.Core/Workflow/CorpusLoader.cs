using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Core.Workflow;

/// <summary>
/// Loads a corpus through the named provider plugin. A plugin is untrusted code: its own failures and a load that
/// outlasts the deadline become a <see cref="CorpusPluginFaultException"/>, which <see cref="LoadOrFallBackAsync"/>
/// answers by loading the fallback provider. A <see cref="CorpusUnavailableException"/> (missing file, no network)
/// is the user's to fix and is passed on as it is. The exceptions carry what happened; the app adds what to do.
/// </summary>
/// <param name="fallbackProvider">The provider that stands in for a faulting one; null or empty turns the fallback off.</param>
public sealed class CorpusLoader(PluginCatalog catalog, TimeSpan deadline, string? fallbackProvider)
{
    /// <summary>Loads through the named provider only, for a caller that must not score or train on a substitute.</summary>
    /// <exception cref="CorpusPathNotFoundException">The request names a path that does not exist.</exception>
    public Task<Corpus> LoadAsync(string providerName, CorpusRequest request, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        RequireExistingPath(request);
        var provider = catalog.GetCorpusProvider(providerName);
        return LoadAsync(provider.Plugin, provider.Name, request, progress, deadline, cancellationToken);
    }

    /// <summary>
    /// Loads through the named provider; if it faults, tells <paramref name="fellBack"/> (before the fallback starts,
    /// which may download) and loads the fallback provider with the same path.
    /// </summary>
    /// <exception cref="CorpusPathNotFoundException">The request names a path that does not exist.</exception>
    /// <exception cref="CorpusFallbackFailedException">The fallback failed too.</exception>
    public async Task<Corpus> LoadOrFallBackAsync(
        string providerName, CorpusRequest request, Action<CorpusFallback> fellBack, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fellBack);
        RequireExistingPath(request);
        var provider = catalog.GetCorpusProvider(providerName);
        try
        {
            return await LoadAsync(provider.Plugin, provider.Name, request, progress, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (CorpusPluginFaultException fault) when (
            !string.IsNullOrWhiteSpace(fallbackProvider) && !string.Equals(fallbackProvider, provider.Name, StringComparison.OrdinalIgnoreCase))
        {
            var fallback = new CorpusFallback(fault, fallbackProvider);
            fellBack(fallback);
            try
            {
                var standIn = catalog.GetCorpusProvider(fallbackProvider);
                return await LoadAsync(standIn.Plugin, standIn.Name, request, progress, deadline, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is CorpusUnavailableException or CorpusPluginFaultException or PluginNotFoundException)
            {
                throw new CorpusFallbackFailedException(fallback, e);
            }
        }
    }

    /// <summary>
    /// A path names what to train on whichever provider reads it, so a missing one is the user's to fix before any
    /// plugin runs (one that ignores paths would otherwise train on something else without a word).
    /// </summary>
    private static void RequireExistingPath(CorpusRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.Path) && !File.Exists(request.Path) && !Directory.Exists(request.Path))
        {
            throw new CorpusPathNotFoundException(Path.GetFullPath(request.Path));
        }
    }

    internal static async Task<Corpus> LoadAsync(
        ICorpusProvider provider, string name, CorpusRequest request, IProgress<CorpusLoadProgress>? progress, TimeSpan deadline, CancellationToken cancellationToken)
    {
        request = request with { Path = string.IsNullOrWhiteSpace(request.Path) ? null : Path.GetFullPath(request.Path) };
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
            throw new CorpusPluginFaultException(name, CorpusFault.TimedOut, $"The corpus plugin '{name}' did not finish within {deadline}.", e);
        }
        catch (Exception e) when (e is not (CorpusUnavailableException or OperationCanceledException))
        {
            throw new CorpusPluginFaultException(name, CorpusFault.Threw, $"The corpus plugin '{name}' failed: {e.Message}", e);
        }

        // The contract's nullability is not enforced at run time: a plugin can still hand back nulls.
        return corpus is { Title: not null, Text: not null, Source: not null, Notices: not null }
            ? corpus
            : throw new CorpusPluginFaultException(
                name, CorpusFault.ReturnedNothing, $"The corpus plugin '{name}' returned {(corpus is null ? "no corpus (null)" : "a corpus without its title, text, source or notices")}.");
    }
}
