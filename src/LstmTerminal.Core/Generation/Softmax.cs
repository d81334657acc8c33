using System.Numerics.Tensors;

namespace LstmTerminal.Core.Generation;

/// <summary>Numerically stable softmax arithmetic on plain logit spans (SIMD).</summary>
public static class Softmax
{
    /// <param name="scratch">A buffer at least as long as the logits, so the call allocates nothing.</param>
    public static double ProbabilityOf(ReadOnlySpan<float> logits, int id, Span<float> scratch)
    {
        var probabilities = scratch[..logits.Length];
        TensorPrimitives.SoftMax(logits, probabilities);
        return probabilities[id];
    }
}
