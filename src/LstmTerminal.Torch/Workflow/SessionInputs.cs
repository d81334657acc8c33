using LstmTerminal.Abstractions;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Torch.Workflow;

/// <summary>
/// What a session trains with besides its checkpoint: the sampler of the training samples, and the corpus, loaded from
/// the fallback provider when the configured one breaks. Replacements and notices go to the session's events.
/// </summary>
internal sealed class SessionInputs(
    CorpusLoader loader, PluginCatalog catalog, CorpusOptions corpusOptions, TextOptions textOptions, SamplingOptions samplingOptions, IProgress<SessionEvent> events)
{
    /// <summary>The vocabulary of a fresh run, learned from the corpus by the configured tokenizer.</summary>
    /// <exception cref="PluginNotFoundException">The configured tokenizer is not loaded.</exception>
    /// <exception cref="TokenizerException">The tokenizer failed.</exception>
    public Task<GuardedVocabulary> LearnVocabularyAsync(Corpus corpus, CancellationToken cancellationToken) =>
        TokenizerCalls.LearnAsync(catalog, textOptions.Tokenizer, corpus.Text, progress: null, cancellationToken);

    /// <exception cref="PluginNotFoundException">The configured sampler is not loaded.</exception>
    public ISampler SamplesSampler()
    {
        var sampler = TrainingSamples.Sampler(catalog, samplingOptions.Sampler, change => events.Report(new SamplerReplaced(change)));
        if (TrainingSamples.ReplacesBeam(samplingOptions.Sampler))
        {
            events.Report(new SessionNotice(NoticeReason.SamplesUseBeamFallback));
        }

        return sampler;
    }

    /// <param name="checkpoint">When resuming, its recorded source lets the provider hand back the text it was trained on.</param>
    public async Task<Corpus> LoadCorpusAsync(LoadedCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        var progress = new CallbackProgress<CorpusLoadProgress>(p => events.Report(new CorpusLoading(p)));
        var request = new CorpusRequest(corpusOptions.Path) { RecordedSource = checkpoint?.Manifest.Corpus };
        var corpus = await loader.LoadOrFallBackAsync(corpusOptions.ProviderToLoad, request, fallback => events.Report(new CorpusReplaced(fallback)), progress, cancellationToken)
            .ConfigureAwait(false);
        foreach (var notice in corpus.Notices)
        {
            events.Report(new SessionNotice(NoticeReason.CorpusNotice) { Text = notice });
        }

        return corpus;
    }
}
