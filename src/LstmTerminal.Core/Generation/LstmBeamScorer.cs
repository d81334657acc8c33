using LstmTerminal.Core.Model;
using static TorchSharp.torch;

namespace LstmTerminal.Core.Generation;

/// <summary>Runs the LSTM over all hypotheses of a beam at once, one batch row each, reordering the state as the beam is pruned.</summary>
internal sealed class LstmBeamScorer(LstmLanguageModel model) : IBeamScorer, IDisposable
{
    private LstmState? _state;
    private float[] _logits = [];

    public int VocabularySize => model.Shape.VocabularySize;

    public void Start(int[] primeIds)
    {
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        var input = tensor(primeIds.Select(id => (long)id).ToArray(), [1, primeIds.Length], ScalarType.Int64);
        var (logits, hidden, cell) = model.call(input, null);
        Keep(logits.select(1, primeIds.Length - 1), hidden, cell);
    }

    public ReadOnlySpan<float> Logits(int row) => _logits.AsSpan(row * VocabularySize, VocabularySize);

    public void Advance(IReadOnlyList<int> parents, IReadOnlyList<int> words)
    {
        if (_state is null)
        {
            throw new InvalidOperationException("Start the scorer with a prime before advancing it.");
        }

        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        var rows = tensor(parents.Select(p => (long)p).ToArray(), ScalarType.Int64);
        var input = tensor(words.Select(id => (long)id).ToArray(), [words.Count, 1], ScalarType.Int64);

        // The state is [layers, batch, hidden]: pick each surviving hypothesis' parent row.
        var (logits, hidden, cell) = model.call(input, new LstmState(_state.Hidden.index_select(1, rows), _state.Cell.index_select(1, rows)));
        Keep(logits.select(1, 0), hidden, cell);
    }

    private void Keep(Tensor lastLogits, Tensor hidden, Tensor cell)
    {
        _logits = lastLogits.reshape(-1).data<float>().ToArray();
        _state?.Dispose();
        _state = new LstmState(hidden.MoveToOuterDisposeScope(), cell.MoveToOuterDisposeScope());
    }

    public void Dispose() => _state?.Dispose();
}
