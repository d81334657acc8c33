using LstmTerminal.Core.Generation;

namespace LstmTerminal.Core.Tests.Support;

/// <summary>
/// Test double for the model behind beam search: the next word's probabilities depend only on the last word, as
/// given by a hand-made table, so a test can build a case where the locally best word leads nowhere.
/// </summary>
internal sealed class TableScorer(IReadOnlyDictionary<int, double[]> probabilitiesAfter) : IBeamScorer
{
    private int[] _lastWords = [];

    public int VocabularySize => probabilitiesAfter.Values.First().Length;

    public int LargestBatch { get; private set; }

    public void Start(int[] primeIds) => Keep([primeIds[^1]]);

    public ReadOnlySpan<float> Logits(int row) =>
        probabilitiesAfter[_lastWords[row]].Select(p => (float)Math.Log(p)).ToArray();

    public void Advance(IReadOnlyList<int> parents, IReadOnlyList<int> words) => Keep([.. words]);

    private void Keep(int[] lastWords)
    {
        _lastWords = lastWords;
        LargestBatch = Math.Max(LargestBatch, lastWords.Length);
    }
}
