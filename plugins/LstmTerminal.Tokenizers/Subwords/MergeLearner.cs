using LstmTerminal.Abstractions;

namespace LstmTerminal.Tokenizers.Subwords;

/// <summary>
/// Learns byte-pair merges over the distinct pieces of a corpus, each weighted by its count. Each merge takes the most
/// frequent adjacent pair (ties: the lowest left id, then the lowest right id, so the same corpus always gives the same
/// merges) and updates the pair counts of only the pieces that contain it, instead of counting everything again.
/// </summary>
internal sealed class MergeLearner
{
    public const string Stage = "learning merges";

    private readonly int[][] _pieces;
    private readonly int[] _lengths;
    private readonly long[] _counts;
    private readonly Dictionary<long, long> _pairCounts = [];

    // May also list pieces that lost the pair since: merging there finds nothing, which is cheaper than keeping it exact.
    private readonly Dictionary<long, HashSet<int>> _piecesWithPair = [];

    // Holds stale entries too: an entry counts only while its count is still the pair's count.
    private readonly PriorityQueue<long, (long Count, long Pair)> _queue = new(Comparer<(long Count, long Pair)>.Create(
        (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Pair.CompareTo(b.Pair)));

    private readonly Dictionary<long, int> _pieceDelta = [];
    private readonly HashSet<long> _changed = [];

    /// <param name="pieces">Distinct pieces as token ids (bytes), with how often each occurs; the arrays are merged in place.</param>
    public MergeLearner(IReadOnlyList<(int[] Symbols, long Count)> pieces)
    {
        _pieces = [.. pieces.Select(p => p.Symbols)];
        _lengths = [.. pieces.Select(p => p.Symbols.Length)];
        _counts = [.. pieces.Select(p => p.Count)];
        for (var piece = 0; piece < _pieces.Length; piece++)
        {
            var symbols = _pieces[piece];
            for (var i = 0; i + 1 < symbols.Length; i++)
            {
                var pair = new Merge(symbols[i], symbols[i + 1]).Key;
                _pairCounts[pair] = _pairCounts.GetValueOrDefault(pair) + _counts[piece];
                PiecesWith(pair).Add(piece);
            }
        }

        foreach (var (pair, count) in _pairCounts)
        {
            _queue.Enqueue(pair, (count, pair));
        }
    }

    /// <summary>
    /// Up to <paramref name="target"/> merges, fewer when no pair occurs twice any more. Merge i makes token
    /// <paramref name="firstId"/> + i.
    /// </summary>
    public List<Merge> Learn(int target, int firstId, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken)
    {
        var merges = new List<Merge>(target);
        var reportEvery = Math.Max(1, target / 100);
        while (merges.Count < target && TryTakeMostFrequent(out var merge))
        {
            cancellationToken.ThrowIfCancellationRequested();
            MergeEverywhere(merge, firstId + merges.Count);
            merges.Add(merge);
            if (merges.Count % reportEvery == 0 && merges.Count < target)
            {
                progress?.Report(new TokenizerLearnProgress(Stage, merges.Count, target));
            }
        }

        // Also when no pair repeated before the target: the stage is over all the same.
        progress?.Report(new TokenizerLearnProgress(Stage, target, target));
        return merges;
    }

    private bool TryTakeMostFrequent(out Merge merge)
    {
        while (_queue.TryDequeue(out var pair, out var entry))
        {
            if (_pairCounts.TryGetValue(pair, out var count) && count == entry.Count)
            {
                merge = Merge.FromKey(pair);
                return count >= 2;
            }
        }

        merge = default;
        return false;
    }

    private void MergeEverywhere(Merge merge, int merged)
    {
        _changed.Clear();
        foreach (var piece in _piecesWithPair[merge.Key])
        {
            MergeIn(piece, merge, merged);
        }

        foreach (var pair in _changed)
        {
            var count = _pairCounts[pair];
            if (count > 0)
            {
                _queue.Enqueue(pair, (count, pair));
            }
            else
            {
                _pairCounts.Remove(pair);
                _piecesWithPair.Remove(pair);
            }
        }
    }

    /// <summary>Merges one piece and moves the global pair counts by the difference its pairs show.</summary>
    private void MergeIn(int piece, Merge merge, int merged)
    {
        var symbols = _pieces[piece].AsSpan(0, _lengths[piece]);
        _pieceDelta.Clear();
        CountPairs(symbols, -1);
        var length = merge.ApplyTo(symbols, merged);
        if (length == symbols.Length)
        {
            return;
        }

        _lengths[piece] = length;
        CountPairs(symbols[..length], +1);
        foreach (var (pair, delta) in _pieceDelta)
        {
            if (delta == 0)
            {
                continue;
            }

            _pairCounts[pair] = _pairCounts.GetValueOrDefault(pair) + delta * _counts[piece];
            _changed.Add(pair);
            if (delta > 0)
            {
                PiecesWith(pair).Add(piece);
            }
        }
    }

    private void CountPairs(ReadOnlySpan<int> symbols, int sign)
    {
        for (var i = 0; i + 1 < symbols.Length; i++)
        {
            var pair = new Merge(symbols[i], symbols[i + 1]).Key;
            _pieceDelta[pair] = _pieceDelta.GetValueOrDefault(pair) + sign;
        }
    }

    private HashSet<int> PiecesWith(long pair)
    {
        if (!_piecesWithPair.TryGetValue(pair, out var pieces))
        {
            pieces = [];
            _piecesWithPair[pair] = pieces;
        }

        return pieces;
    }
}
