namespace LstmTerminal.Abstractions;

/// <summary>
/// Supplies the raw prose a model is trained on. Implementations remove their source's boilerplate (headers,
/// licences) but leave word normalisation to the host, so every provider is tokenised the same way.
/// </summary>
/// <remarks>
/// The host creates one instance per plugin through a public constructor that takes a <see cref="PluginContext"/>
/// or through a public parameterless constructor.
/// </remarks>
public interface ICorpusProvider
{
    /// <summary>Stable identifier used in configuration and on the command line, e.g. <c>gutenberg-shakespeare</c>.</summary>
    string Name { get; }

    /// <summary>One line for people choosing a corpus.</summary>
    string Description { get; }

    /// <summary>Loads the corpus text.</summary>
    /// <param name="request">What the user asked for (e.g. a path); providers ignore what does not apply to them.</param>
    /// <param name="progress">Optional progress sink for long downloads or reads.</param>
    /// <param name="cancellationToken">Cancels the load; providers must leave no partial cache behind.</param>
    /// <exception cref="CorpusUnavailableException">The corpus cannot be had; the message says what to do.</exception>
    Task<Corpus> LoadAsync(CorpusRequest request, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken);
}
