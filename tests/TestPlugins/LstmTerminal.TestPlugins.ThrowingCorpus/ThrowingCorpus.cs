using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.ThrowingCorpus;

public sealed class ThrowingCorpus : ICorpusProvider
{
    public const string FailureMessage = "the test corpus breaks on load";

    public string Name => "throwing-corpus";

    public string Description => "Throws from LoadAsync.";

    public Task<Corpus> LoadAsync(CorpusRequest request, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken) =>
        throw new InvalidDataException(FailureMessage);
}
