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

    /// <summary>An independent copy, e.g. for one hypothesis of a beam.</summary>
    public LstmInferenceState Clone() =>
        new(Hidden.Select(h => (float[])h.Clone()).ToArray(), Cell.Select(c => (float[])c.Clone()).ToArray(), Gates.Length);
}
