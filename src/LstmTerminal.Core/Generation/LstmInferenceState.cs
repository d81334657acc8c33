namespace LstmTerminal.Core.Generation;

/// <summary>Hidden and cell state per layer for <see cref="LstmInference"/>, plus its scratch space.</summary>
public sealed class LstmInferenceState
{
    public LstmInferenceState(int layers, int rnnSize)
    {
        Hidden = Enumerable.Range(0, layers).Select(_ => new float[rnnSize]).ToArray();
        Cell = Enumerable.Range(0, layers).Select(_ => new float[rnnSize]).ToArray();
        Gates = new float[4 * rnnSize];
    }

    private LstmInferenceState(float[][] hidden, float[][] cell, int gates)
    {
        Hidden = hidden;
        Cell = cell;
        Gates = new float[gates];
    }

    public float[][] Hidden { get; }

    public float[][] Cell { get; }

    internal float[] Gates { get; }

    /// <summary>How many floats <see cref="SaveTo"/> writes: the hidden and cell state of every layer, not the scratch space.</summary>
    internal int SavedLength => 2 * Hidden.Length * Gates.Length / 4;

    /// <summary>Writes the hidden and cell state into <paramref name="saved"/> (<see cref="SavedLength"/> floats); allocates nothing.</summary>
    internal void SaveTo(Span<float> saved)
    {
        var size = Gates.Length / 4;
        for (var layer = 0; layer < Hidden.Length; layer++)
        {
            Hidden[layer].CopyTo(saved.Slice(2 * layer * size, size));
            Cell[layer].CopyTo(saved.Slice((2 * layer + 1) * size, size));
        }
    }

    /// <summary>Takes back a state written by <see cref="SaveTo"/>.</summary>
    internal void RestoreFrom(ReadOnlySpan<float> saved)
    {
        var size = Gates.Length / 4;
        for (var layer = 0; layer < Hidden.Length; layer++)
        {
            saved.Slice(2 * layer * size, size).CopyTo(Hidden[layer]);
            saved.Slice((2 * layer + 1) * size, size).CopyTo(Cell[layer]);
        }
    }

    /// <summary>Back to the state before any token was read.</summary>
    internal void Clear()
    {
        for (var layer = 0; layer < Hidden.Length; layer++)
        {
            Array.Clear(Hidden[layer]);
            Array.Clear(Cell[layer]);
        }
    }

    /// <summary>An independent copy, e.g. for one hypothesis of a beam.</summary>
    public LstmInferenceState Clone() =>
        new(Hidden.Select(h => (float[])h.Clone()).ToArray(), Cell.Select(c => (float[])c.Clone()).ToArray(), Gates.Length);
}
