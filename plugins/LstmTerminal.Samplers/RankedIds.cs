namespace LstmTerminal.Samplers;

/// <summary>
/// The ids with a weight, taken most likely first (the lower id first on equal logits, so results are reproducible).
/// A heap of packed keys: taking the top m of n ids costs O(n + m log n), where sorting them all cost O(n log n).
/// </summary>
internal ref struct RankedIds
{
    private readonly Span<ulong> _heap;
    private int _count;

    /// <param name="scratch">At least as long as <paramref name="logits"/>; the heap lives there.</param>
    public RankedIds(ReadOnlySpan<float> logits, ReadOnlySpan<double> weights, Span<ulong> scratch)
    {
        _heap = scratch;
        for (var id = 0; id < weights.Length; id++)
        {
            if (weights[id] > 0)
            {
                _heap[_count++] = Key(logits[id], id);
            }
        }

        for (var parent = _count / 2 - 1; parent >= 0; parent--)
        {
            SiftDown(parent);
        }
    }

    public bool TryTakeNext(out int id)
    {
        if (_count == 0)
        {
            id = -1;
            return false;
        }

        id = IdOf(_heap[0]);
        _heap[0] = _heap[--_count];
        SiftDown(0);
        return true;
    }

    /// <summary>Takes the next <paramref name="count"/> ids, or all that are left.</summary>
    public void Take(int count)
    {
        for (var taken = 0; taken < count; taken++)
        {
            if (!TryTakeNext(out _))
            {
                return;
            }
        }
    }

    /// <summary>Sets the weight of every id not taken to 0.</summary>
    public readonly void ZeroTheRest(Span<double> weights)
    {
        foreach (var key in _heap[.._count])
        {
            weights[IdOf(key)] = 0;
        }
    }

    /// <summary>
    /// Ascending keys mean descending logits, then ascending ids: the logit's bits, reordered so that unsigned order is
    /// float order and inverted, above the id. Comparing plain integers keeps the heap fast.
    /// </summary>
    private static ulong Key(float logit, int id)
    {
        // -0 and +0 compare equal as floats, so they must tie here too.
        var bits = BitConverter.SingleToUInt32Bits(logit == 0 ? 0f : logit);
        var ascending = (bits & 0x8000_0000) != 0 ? ~bits : bits | 0x8000_0000;
        return ((ulong)~ascending << 32) | (uint)id;
    }

    private static int IdOf(ulong key) => (int)(uint)key;

    private readonly void SiftDown(int parent)
    {
        var moving = _heap[parent];
        while (true)
        {
            var child = 2 * parent + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && _heap[child + 1] < _heap[child])
            {
                child++;
            }

            if (_heap[child] >= moving)
            {
                break;
            }

            _heap[parent] = _heap[child];
            parent = child;
        }

        _heap[parent] = moving;
    }
}
