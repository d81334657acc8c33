using System.Diagnostics;

namespace LstmTerminal.Torch.Training;

/// <summary>The parts of a training step that <see cref="StepPhases"/> times, in the order a step runs them.</summary>
public enum StepPhase
{
    /// <summary>Embedding, LSTM and dropout: the output layer's input.</summary>
    LstmForward,

    /// <summary>The output layer, the loss and their gradients (formed together, <see cref="BlockwiseCrossEntropy"/>).</summary>
    OutputAndLoss,

    /// <summary>Autograd back through the LSTM and the embedding.</summary>
    Backward,

    /// <summary>Gradient clipping, the optimiser step and the weight average.</summary>
    ClipAndOptimizer,
}

/// <summary>
/// Wall time spent in each <see cref="StepPhase"/> over the steps it watches, for <c>bench</c>. libtorch's CPU operations
/// return only when their result is computed, so a clock read between two of them times the work in between. A trainer
/// without one reads no clock at all.
/// </summary>
public sealed class StepPhases
{
    private readonly double[] _seconds = new double[Enum.GetValues<StepPhase>().Length];
    private long _mark;

    /// <summary>Seconds spent in <paramref name="phase"/> since the last <see cref="Reset"/>.</summary>
    public double Seconds(StepPhase phase) => _seconds[(int)phase];

    public void Reset() => Array.Clear(_seconds);

    /// <summary>A step begins: the next <see cref="End"/> counts from here.</summary>
    internal void Begin() => _mark = Stopwatch.GetTimestamp();

    /// <summary>Counts the time since the previous mark to <paramref name="phase"/>.</summary>
    internal void End(StepPhase phase)
    {
        var now = Stopwatch.GetTimestamp();
        _seconds[(int)phase] += Stopwatch.GetElapsedTime(_mark, now).TotalSeconds;
        _mark = now;
    }
}
