using System.Globalization;
using System.Runtime.InteropServices;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Generation;

/// <summary>
/// Completes prime phrases token by token on a plain-array copy of the weights, so it runs beside a training run
/// without touching its tensors or libtorch's thread pool. One completion at a time per instance; instances are
/// cheap and may share the same <see cref="ModelWeights"/> across threads. An instance keeps the states of the last
/// prime it predicted after (<see cref="Predict"/>), which belong to its weights: a renewed model is a new instance.
/// </summary>
public sealed class Generator
{
    /// <summary>Longer primes add nothing the LSTM state keeps and only cost time.</summary>
    public const int MaxPrimeWords = 1000;

    private readonly LstmInference _inference;
    private readonly float[] _logits;
    private readonly float[] _adjusted;
    private PrefixStates? _predicted;

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
    /// Encodes the prime with the model's vocabulary. At a level whose unknown parts are words, a part the vocabulary lacks
    /// is tried once more without leading or trailing apostrophes and hyphens ("more'" reads as "more"); what still is
    /// unknown is reported as typed and read as the unknown id.
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
            // Below the word level a token is no word: 3,000 line breaks are 3,000 characters, not "3000 words".
            throw new PrimeException(PrimeProblem.TooManyWords, $"The prime phrase has {ids.Length} {TokenizerNames.CountUnit(Vocabulary.TokenizerName)}; the limit is {MaxPrimeWords}.");
        }

        var ignoresSpaces = Vocabulary.Encode(prime + " ").Ids.AsSpan().SequenceEqual(ids);
        var typedParts = new string?[ids.Length];
        var unknownParts = new List<Range>();
        for (int i = 0, k = 0; i < ids.Length; i++)
        {
            if (ids[i] != Vocabulary.UnknownId)
            {
                continue;
            }

            var part = encoded.Unknown[k++];
            var typed = prime[part];
            if (KnownWithoutQuotes(typed) is { } known)
            {
                ids[i] = known;
            }
            else
            {
                typedParts[i] = typed;
                unknownParts.Add(part);
            }
        }

        if (unknownParts.Count == ids.Length)
        {
            var shown = string.Join(", ", unknownParts.Select(part => prime[part]).Distinct(StringComparer.Ordinal).Take(5).Select(Shortened));
            throw new PrimeException(PrimeProblem.NoKnownWord, $"None of the words of the prime phrase are in the model's vocabulary ({shown}).");
        }

        var pieces = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var piece = Vocabulary.DecodePiece(ids.AsSpan(0, i), ids[i]);
            pieces[i] = typedParts[i] is { } typed ? AsTyped(piece, Vocabulary.DisplayText(ids[i]), typed) : piece;
        }

        return new PrimeEncoding(prime, pieces, ids, ignoresSpaces, unknownParts);
    }

    /// <summary>
    /// The id of a word-like unknown part without its quotes, if the vocabulary knows that. A lossless level has no unknown
    /// parts and a character level's unknown part is one character, which no trimming can make known.
    /// </summary>
    private int? KnownWithoutQuotes(string typed)
    {
        if (new StringInfo(typed).LengthInTextElements < 2)
        {
            return null;
        }

        return Vocabulary.Encode(typed.Trim('\'', '-')) is { Ids: [var known], Unknown.Count: 0 } ? known : null;
    }

    /// <summary>An unknown id's piece with the part as typed in place of the unknown token (" &lt;unk&gt;" becomes " Zounds").</summary>
    private static string AsTyped(string piece, string unknownLabel, string typed)
    {
        var at = unknownLabel.Length == 0 ? -1 : piece.IndexOf(unknownLabel, StringComparison.Ordinal);
        return at < 0 ? typed : string.Concat(piece.AsSpan(0, at), typed, piece.AsSpan(at + unknownLabel.Length));
    }

    /// <summary>A word cut to its first 24 characters as a person sees them: never inside a surrogate pair or before a combining mark.</summary>
    private static string Shortened(string word)
    {
        const int shownLength = 24;
        var characters = new StringInfo(word);
        return characters.LengthInTextElements > shownLength ? characters.SubstringByTextElements(0, shownLength) + "…" : word;
    }

    /// <summary>
    /// Streams <see cref="SamplingSettings.Words"/> tokens after the prime, one at a time, each with the text it adds. The sampler sees the logits
    /// after the repetition controls; the reported probability is the model's own.
    /// </summary>
    /// <param name="settings">With the seed chosen: <see cref="Completion"/> draws one when the person chose none.</param>
    public IEnumerable<GeneratedToken> Continue(PrimeEncoding prime, ISampler sampler, SamplingSettings settings, CancellationToken cancellationToken = default)
    {
        var seed = settings.Seed ?? throw new ArgumentException("A completion by a sampler needs a seed; draw one first.", nameof(settings));
        return Continue(prime, sampler, settings, seed, cancellationToken);
    }

    private IEnumerable<GeneratedToken> Continue(PrimeEncoding prime, ISampler sampler, SamplingSettings settings, int seed, CancellationToken cancellationToken)
    {
        var history = new List<int>(prime.Ids.Length + settings.Words);
        history.AddRange(prime.Ids);
        var random = new Random(seed);
        var repetition = RepetitionControl.From(settings, Vocabulary.ForbiddenIds);
        var state = _inference.NewState();
        _inference.ReadAll(prime.Ids, state, _logits);
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
            var token = Token(CollectionsMarshal.AsSpan(history), id, Softmax.ProbabilityOf(_logits, id));
            history.Add(id);
            yield return token;
            if (i + 1 < settings.Words)
            {
                _inference.Step(id, state, _logits);
            }
        }
    }

    /// <summary>
    /// The <paramref name="count"/> most likely next tokens after the prime by the model's own probability (temperature 1),
    /// most likely first, the lower id first on ties, each with the piece it would add to the prime. Forbidden ids (the
    /// unknown token) are left out: no completion may choose them. The prime is read on from the states of the previous
    /// prime predicted after, past the ids the two share (the same values as reading it afresh, for a keystroke's cost).
    /// </summary>
    public IReadOnlyList<GeneratedToken> Predict(PrimeEncoding prime, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        (_predicted ??= new PrefixStates(_inference)).Read(prime.Ids, _logits);
        var best = BestIds(count);
        var logNormaliser = Softmax.LogSumExp(_logits);
        return best.Select(id => Token(prime.Ids, id, Math.Exp(_logits[id] - logNormaliser))).ToList();
    }

    /// <summary>
    /// The model's own probability (temperature 1) that <paramref name="continuation"/> follows <paramref name="context"/>:
    /// the product of each id's probability after the ones before it.
    /// </summary>
    public double ProbabilityOf(int[] context, int[] continuation)
    {
        var state = _inference.NewState();
        _inference.ReadAll(context, state, _logits);
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
        _inference.ReadAll(context, state, _logits);
        while (BestIds(1) is [var best])
        {
            yield return best;
            _inference.Step(best, state, _logits);
        }
    }

    /// <summary>The <paramref name="count"/> allowed ids with the highest logits in <see cref="_logits"/>, highest first, the lower id first on ties.</summary>
    private List<int> BestIds(int count)
    {
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

        return best;
    }

    /// <summary>
    /// The most likely continuation of <see cref="SamplingSettings.Words"/> tokens by beam search of
    /// <see cref="SamplingSettings.BeamWidth"/>; temperature and seed do not apply, the repetition controls do.
    /// </summary>
    public IReadOnlyList<GeneratedToken> ContinueWithBeam(PrimeEncoding prime, SamplingSettings settings, CancellationToken cancellationToken = default)
    {
        var scorer = new LstmBeamScorer(_inference);
        var best = new BeamSearch(settings.BeamWidth).Run(scorer, prime.Ids, settings, Vocabulary.ForbiddenIds, cancellationToken);
        int[] ids = [.. prime.Ids, .. best.Ids];
        return best.Ids.Select((id, i) => Token(ids.AsSpan(0, prime.Ids.Length + i), id, best.Probabilities[i])).ToList();
    }

    /// <summary>The text of a run of generated ids on its own, without the prime (" more" at the word level reads "more").</summary>
    public string TextOf(IEnumerable<GeneratedToken> tokens) => Vocabulary.Decode(tokens.Select(t => t.Id).ToArray());

    private GeneratedToken Token(ReadOnlySpan<int> previous, int id, double probability) =>
        new(id, Vocabulary.DecodePiece(previous, id), Vocabulary.DisplayText(id), probability);
}
