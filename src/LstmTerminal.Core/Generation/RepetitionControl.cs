namespace LstmTerminal.Core.Generation;

/// <summary>
/// Repetition controls for every sampler (and beam search): they act on a copy of the logits and on the forbidden set
/// in the generation loop, so no plugin has to implement them.
/// </summary>
public sealed class RepetitionControl
{
    private readonly double _penalty;
    private readonly int _ngram;
    private readonly IReadOnlySet<int> _alwaysForbidden;

    /// <param name="alwaysForbidden">The vocabulary's forbidden ids (its unknown id, bytes that are no text), banned at every step.</param>
    public RepetitionControl(double penalty, int noRepeatNgram, IReadOnlySet<int> alwaysForbidden)
    {
        ArgumentNullException.ThrowIfNull(alwaysForbidden);
        if (!double.IsFinite(penalty) || penalty < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(penalty), penalty, "The repetition penalty must be a finite number of at least 1 (1 is off).");
        }

        if (noRepeatNgram is < 0 or 1)
        {
            throw new ArgumentOutOfRangeException(nameof(noRepeatNgram), noRepeatNgram, "The no-repeat n-gram size must be 0 (off) or at least 2.");
        }

        _penalty = penalty;
        _ngram = noRepeatNgram;
        _alwaysForbidden = alwaysForbidden;
    }

    public static RepetitionControl From(SamplingSettings settings, IReadOnlySet<int> alwaysForbidden) =>
        new(settings.RepetitionPenalty, settings.NoRepeatNgram, alwaysForbidden);

    /// <summary>
    /// Copies <paramref name="logits"/> into <paramref name="adjusted"/> with the penalty applied and returns the ids
    /// the next word must not be.
    /// </summary>
    /// <param name="history">The prime's ids followed by the generated ones.</param>
    /// <param name="primeLength">How many ids of <paramref name="history"/> are the prime; only later ids are penalised.</param>
    public IReadOnlySet<int> Apply(ReadOnlySpan<float> logits, Span<float> adjusted, IReadOnlyList<int> history, int primeLength)
    {
        logits.CopyTo(adjusted);
        Penalise(adjusted, history, primeLength);
        return Forbidden(history, logits.Length);
    }

    /// <summary>CTRL-style: the penalty always moves a repeated word's logit towards "less likely", whatever its sign.</summary>
    private void Penalise(Span<float> adjusted, IReadOnlyList<int> history, int primeLength)
    {
        if (_penalty == 1)
        {
            return;
        }

        var seen = new HashSet<int>();
        for (var i = primeLength; i < history.Count; i++)
        {
            var id = history[i];
            if (seen.Add(id) && id >= 0 && id < adjusted.Length)
            {
                adjusted[id] = adjusted[id] > 0 ? (float)(adjusted[id] / _penalty) : (float)(adjusted[id] * _penalty);
            }
        }
    }

    private IReadOnlySet<int> Forbidden(IReadOnlyList<int> history, int vocabularySize)
    {
        if (_ngram == 0 || history.Count < _ngram - 1)
        {
            return _alwaysForbidden;
        }

        var banned = new HashSet<int>(_alwaysForbidden);
        var prefixStart = history.Count - (_ngram - 1);
        for (var start = 0; start + _ngram - 1 < history.Count; start++)
        {
            if (SamePrefix(history, start, prefixStart))
            {
                banned.Add(history[start + _ngram - 1]);
            }
        }

        // A ban that leaves no word at all is dropped for this step: a repeat beats a crash.
        return banned.Count >= vocabularySize ? _alwaysForbidden : banned;
    }

    private bool SamePrefix(IReadOnlyList<int> history, int start, int prefixStart)
    {
        for (var k = 0; k < _ngram - 1; k++)
        {
            if (history[start + k] != history[prefixStart + k])
            {
                return false;
            }
        }

        return true;
    }
}
