namespace LstmTerminal.Core.Generation;

/// <summary>Scores the hypotheses of a beam with <see cref="LstmInference"/>, one state per hypothesis.</summary>
internal sealed class LstmBeamScorer(LstmInference inference) : IBeamScorer
{
    private LstmInferenceState[] _states = [];
    private float[] _logits = [];

    public int VocabularySize => inference.Shape.VocabularySize;

    public void Start(int[] primeIds)
    {
        var state = inference.NewState();
        _logits = new float[VocabularySize];
        inference.ReadAll(primeIds, state, _logits);
        _states = [state];
    }

    public ReadOnlySpan<float> Logits(int row) => _logits.AsSpan(row * VocabularySize, VocabularySize);

    public void Advance(IReadOnlyList<int> parents, IReadOnlyList<int> words)
    {
        if (_states.Length == 0)
        {
            throw new InvalidOperationException("Start the scorer with a prime before advancing it.");
        }

        var states = new LstmInferenceState[parents.Count];
        var logits = new float[parents.Count * VocabularySize];
        for (var row = 0; row < states.Length; row++)
        {
            states[row] = _states[parents[row]].Clone();
            inference.Step(words[row], states[row], logits.AsSpan(row * VocabularySize, VocabularySize));
        }

        _states = states;
        _logits = logits;
    }
}
