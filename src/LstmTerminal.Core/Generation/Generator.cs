using System.Globalization;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Generation;

/// <summary>
/// Completes prime phrases word by word on a plain-array copy of the weights, so it runs beside a training run
/// without touching its tensors or libtorch's thread pool. One completion at a time per instance; instances are
/// cheap and may share the same <see cref="ModelWeights"/> across threads.
/// </summary>
public sealed class Generator
{
    /// <summary>Longer primes add nothing the LSTM state keeps and only cost time.</summary>
    public const int MaxPrimeWords = 1000;

    private readonly LstmInference _inference;
    private readonly float[] _logits;
    private readonly float[] _adjusted;

    public Generator(ModelWeights weights, GuardedVocabulary vocabulary)
    {
        if (weights.Shape.VocabularySize != vocabulary.Count)
        {
            throw new ArgumentException($"The model scores {weights.Shape.VocabularySize} ids but the vocabulary has {vocabulary.Count}.", nameof(vocabulary));
        }

        _inference = new LstmInference(weights);
        Vocabulary = vocabulary;
        _logits = new float[vocabulary.Count];
        _adjusted = new float[vocabulary.Count];
    }

    public GuardedVocabulary Vocabulary { get; }

    /// <summary>
    /// Encodes the prime with the model's vocabulary. A part the vocabulary lacks is tried once more without leading or
    /// trailing apostrophes and hyphens ("more'" reads as "more"); what still is unknown is reported as typed and read
    /// as the unknown id.
    /// </summary>
    /// <exception cref="PrimeException">No tokens, no known token at all, or more than <see cref="MaxPrimeWords"/>.</exception>
    /// <exception cref="TokenizerException">The tokenizer failed.</exception>
    public PrimeEncoding Encode(string prime)
    {
        var encoded = Vocabulary.Encode(prime);
        var ids = encoded.Ids;
        if (ids.Length == 0)
        {
            throw new PrimeException(PrimeProblem.NoWords, "The prime phrase has no words (only spaces, punctuation or symbols).");
        }

        if (ids.Length > MaxPrimeWords)
        {
            throw new PrimeException(PrimeProblem.TooManyWords, $"The prime phrase has {ids.Length} words; the limit is {MaxPrimeWords}.");
        }

        var words = new string[ids.Length];
        var unknown = new List<string>();
        for (int i = 0, k = 0; i < ids.Length; i++)
        {
            if (ids[i] != Vocabulary.UnknownId)
            {
                words[i] = Vocabulary.DisplayText(ids[i]);
                continue;
            }

            var typed = prime[encoded.Unknown[k++]];
            var retry = Vocabulary.Encode(typed.Trim('\'', '-'));
            if (retry is { Ids: [var known], Unknown.Count: 0 })
            {
                ids[i] = known;
                words[i] = Vocabulary.DisplayText(known);
            }
            else
            {
                words[i] = typed;
                unknown.Add(typed);
            }
        }

        if (unknown.Count == ids.Length)
        {
            var shown = string.Join(", ", unknown.Distinct(StringComparer.Ordinal).Take(5).Select(Shortened));
            throw new PrimeException(PrimeProblem.NoKnownWord, $"None of the words of the prime phrase are in the model's vocabulary ({shown}).");
        }

        return new PrimeEncoding(prime, words, ids, unknown.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>A word cut to its first 24 characters as a person sees them: never inside a surrogate pair or before a combining mark.</summary>
    private static string Shortened(string word)
    {
        const int shownLength = 24;
        var characters = new StringInfo(word);
        return characters.LengthInTextElements > shownLength ? characters.SubstringByTextElements(0, shownLength) + "…" : word;
    }

    /// <summary>
    /// Streams <see cref="SamplingSettings.Words"/> words after the prime, one at a time. The sampler sees the logits
    /// after the repetition controls; the reported probability is the model's own.
    /// </summary>
    /// <param name="settings">With the seed chosen: <see cref="Completion"/> draws one when the person chose none.</param>
    public IEnumerable<GeneratedWord> Continue(PrimeEncoding prime, ISampler sampler, SamplingSettings settings, CancellationToken cancellationToken = default)
    {
        var seed = settings.Seed ?? throw new ArgumentException("A completion by a sampler needs a seed; draw one first.", nameof(settings));
        return Continue(prime, sampler, settings, seed, cancellationToken);
    }

    private IEnumerable<GeneratedWord> Continue(PrimeEncoding prime, ISampler sampler, SamplingSettings settings, int seed, CancellationToken cancellationToken)
    {
        var history = new List<int>(prime.Ids.Length + settings.Words);
        history.AddRange(prime.Ids);
        var random = new Random(seed);
        var repetition = RepetitionControl.From(settings);
        var state = _inference.NewState();
        Advance(prime.Ids, state);
        for (var i = 0; i < settings.Words; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var forbidden = repetition.Apply(_logits, _adjusted, history, prime.Ids.Length);
            var context = new SamplingContext(random, forbidden)
            {
                Temperature = settings.Temperature,
                TopK = settings.TopK,
                TopP = settings.TopP,
                TokensSoFar = history,
            };
            var id = SamplerContract.Next(sampler, _adjusted, context);
            history.Add(id);
            yield return new GeneratedWord(id, Vocabulary.DisplayText(id), Softmax.ProbabilityOf(_logits, id));
            if (i + 1 < settings.Words)
            {
                _inference.Step(id, state, _logits);
            }
        }
    }

    /// <summary>
    /// The <paramref name="count"/> most likely next words after the prime by the model's own probability (temperature 1),
    /// most likely first, the lower id first on ties. Forbidden ids (the unknown word) are left out: no completion may choose them.
    /// </summary>
    public IReadOnlyList<GeneratedWord> Predict(PrimeEncoding prime, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Advance(prime.Ids, _inference.NewState());
        var best = new List<int>(count + 1);
        for (var id = 0; id < _logits.Length; id++)
        {
            if (Vocabulary.ForbiddenIds.Contains(id))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && _logits[best[at - 1]] < _logits[id])
            {
                at--;
            }

            if (at < count)
            {
                best.Insert(at, id);
                if (best.Count > count)
                {
                    best.RemoveAt(count);
                }
            }
        }

        var logNormaliser = Softmax.LogSumExp(_logits);
        return best.Select(id => new GeneratedWord(id, Vocabulary.DisplayText(id), Math.Exp(_logits[id] - logNormaliser))).ToList();
    }

    /// <summary>
    /// The model's own probability (temperature 1) that <paramref name="continuation"/> follows <paramref name="context"/>:
    /// the product of each id's probability after the ones before it.
    /// </summary>
    public double ProbabilityOf(int[] context, int[] continuation)
    {
        var state = _inference.NewState();
        Advance(context, state);
        var probability = 1.0;
        foreach (var id in continuation)
        {
            probability *= Softmax.ProbabilityOf(_logits, id);
            _inference.Step(id, state, _logits);
        }

        return probability;
    }

    /// <summary>
    /// The most likely id after <paramref name="context"/>, then the most likely after that, and so on for as long as
    /// the caller reads (forbidden ids left out, the lower id first on ties).
    /// </summary>
    public IEnumerable<int> MostLikely(int[] context)
    {
        var state = _inference.NewState();
        Advance(context, state);
        while (true)
        {
            var best = -1;
            for (var id = 0; id < _logits.Length; id++)
            {
                if (!Vocabulary.ForbiddenIds.Contains(id) && (best < 0 || _logits[id] > _logits[best]))
                {
                    best = id;
                }
            }

            if (best < 0)
            {
                yield break;
            }

            yield return best;
            _inference.Step(best, state, _logits);
        }
    }

    /// <summary>Feeds the prime through the model, leaving the last position's logits in <see cref="_logits"/>.</summary>
    private void Advance(int[] ids, LstmInferenceState state)
    {
        foreach (var id in ids)
        {
            _inference.Step(id, state, _logits);
        }
    }

    /// <summary>
    /// The most likely continuation of <see cref="SamplingSettings.Words"/> words by beam search of
    /// <see cref="SamplingSettings.BeamWidth"/>; temperature and seed do not apply, the repetition controls do.
    /// </summary>
    public IReadOnlyList<GeneratedWord> ContinueWithBeam(PrimeEncoding prime, SamplingSettings settings, CancellationToken cancellationToken = default)
    {
        var scorer = new LstmBeamScorer(_inference);
        var best = new BeamSearch(settings.BeamWidth).Run(scorer, prime.Ids, settings, cancellationToken);
        return best.Ids.Select((id, i) => new GeneratedWord(id, Vocabulary.DisplayText(id), best.Probabilities[i])).ToList();
    }
}
