using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Generation;

/// <summary>
/// One completion that <see cref="Completion"/> started: the prime as the model reads it, the settings with their seed
/// and the sampler are known before the first word; <see cref="Stream"/> then generates the words. Streamed once.
/// </summary>
public sealed class CompletionRun
{
    private readonly Generator _generator;
    private readonly ISampler? _sampler;
    private readonly Queue<SamplerSwitch> _switches;
    private readonly List<GeneratedToken> _tokens;
    private bool _streamed;

    /// <param name="sampler">Null for beam search.</param>
    /// <param name="switches">Where the sampler's fallback records a switch, to be streamed before the word it chose.</param>
    internal CompletionRun(Generator generator, PrimeEncoding prime, SamplingSettings settings, ISampler? sampler, Queue<SamplerSwitch> switches)
    {
        _generator = generator;
        Prime = prime;
        Settings = settings;
        _sampler = sampler;
        _switches = switches;
        _tokens = new List<GeneratedToken>(settings.Words);
    }

    /// <summary>The prime as the model reads it, and the parts it does not know.</summary>
    public PrimeEncoding Prime { get; }

    /// <summary>The settings of this completion, with the seed it uses (the one chosen, or a new one).</summary>
    public SamplingSettings Settings { get; }

    /// <summary>Beam search's width; null when a sampler chooses the words.</summary>
    public int? BeamWidth => _sampler is null ? Settings.BeamWidth : null;

    /// <summary>Who chooses the words: <see cref="BeamSearch.SamplerName"/>, or the sampler's name, its fallback's once it switched.</summary>
    public string Sampler => _sampler?.Name ?? BeamSearch.SamplerName;

    /// <summary>The vocabulary of the model that writes the completion.</summary>
    public GuardedVocabulary Vocabulary => _generator.Vocabulary;

    /// <summary>The tokens streamed so far.</summary>
    public IReadOnlyList<GeneratedToken> Tokens => _tokens;

    /// <summary>The continuation as it reads after the prime: the pieces joined (" told vincentio" at the word level).</summary>
    public string Continuation => string.Concat(_tokens.Select(t => t.Piece));

    /// <summary>The continuation as a text of its own ("told vincentio" at the word level).</summary>
    public string Text => _generator.TextOf(_tokens);

    /// <summary>Generates the tokens, each after any <see cref="SamplerSwitched"/> its choice caused.</summary>
    /// <exception cref="SamplerException">The sampler failed and had no fallback, or its fallback failed too.</exception>
    /// <exception cref="ModelScoresException">The model's scores are NaN.</exception>
    public IEnumerable<CompletionEvent> Stream(CancellationToken cancellationToken = default)
    {
        if (_streamed)
        {
            throw new InvalidOperationException("A completion streams once; start another.");
        }

        _streamed = true;
        return Generate(cancellationToken);
    }

    /// <summary>Streams every token and returns <see cref="Text"/>: for callers that need no token before the last.</summary>
    public string Complete(CancellationToken cancellationToken = default)
    {
        foreach (var _ in Stream(cancellationToken))
        {
            // Only the whole text is wanted.
        }

        return Text;
    }

    private IEnumerable<CompletionEvent> Generate(CancellationToken cancellationToken)
    {
        var tokens = _sampler is null
            ? _generator.ContinueWithBeam(Prime, Settings, cancellationToken)
            : _generator.Continue(Prime, _sampler, Settings, cancellationToken);
        foreach (var token in tokens)
        {
            while (_switches.TryDequeue(out var change))
            {
                yield return new SamplerSwitched(change);
            }

            _tokens.Add(token);
            yield return new TokenGenerated(token);
        }
    }
}
