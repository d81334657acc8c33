using LstmTerminal.Core.Training;
namespace LstmTerminal.Torch.Training;

/// <summary>
/// The words one sampled-softmax step scores: every target of the batch and up to <c>noiseWords</c> uniformly drawn
/// others, each once, with each target's position among them. Uniform noise reaches the rare words the targets
/// rarely contain, which a frequency-weighted draw would mostly repeat.
/// </summary>
public sealed class CandidateWords
{
    private readonly int _noiseWords;
    private readonly int[] _slotOf;
    private readonly List<long> _candidates;

    public CandidateWords(int vocabularySize, int noiseWords)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(noiseWords);
        _noiseWords = noiseWords;
        _slotOf = new int[vocabularySize];
        _candidates = new List<long>(vocabularySize);
    }

    /// <summary>Candidate ids (targets first, in order of appearance) and, per target, its index among them.</summary>
    public (long[] Candidates, long[] TargetSlots) Draw(ReadOnlySpan<long> targets, Random random)
    {
        Array.Fill(_slotOf, -1);
        _candidates.Clear();
        var slots = new long[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            slots[i] = SlotOf(targets[i]);
        }

        for (var i = 0; i < _noiseWords && _candidates.Count < _slotOf.Length; i++)
        {
            SlotOf(random.Next(_slotOf.Length));
        }

        return (_candidates.ToArray(), slots);
    }

    private int SlotOf(long id)
    {
        ref var slot = ref _slotOf[id];
        if (slot < 0)
        {
            slot = _candidates.Count;
            _candidates.Add(id);
        }

        return slot;
    }
}
