namespace LstmTerminal.Core.Generation;

/// <summary>
/// Next-word scores for a batch of hypotheses that continue one prime: the seam between <see cref="BeamSearch"/> and
/// the model, so the search can be tested on hand-made scores.
/// </summary>
public interface IBeamScorer
{
    int VocabularySize { get; }

    /// <summary>Reads the prime; afterwards the batch has one row, whose logits score the first word.</summary>
    void Start(int[] primeIds);

    /// <summary>The unnormalised next-word scores of one row of the current batch.</summary>
    ReadOnlySpan<float> Logits(int row);

    /// <summary>Replaces the batch: new row <c>j</c> continues old row <c>parents[j]</c> with the word <c>words[j]</c>.</summary>
    void Advance(IReadOnlyList<int> parents, IReadOnlyList<int> words);
}
