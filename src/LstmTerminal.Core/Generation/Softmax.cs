using System.Runtime.CompilerServices;

namespace LstmTerminal.Core.Generation;

/// <summary>
/// Numerically stable softmax arithmetic on plain logit spans. Plain loops compiled optimised on first use: a
/// general-purpose SIMD softmax stays in its slow first tier for the whole of a short completion.
/// </summary>
public static class Softmax
{
    public static double ProbabilityOf(ReadOnlySpan<float> logits, int id) => Math.Exp(logits[id] - LogSumExp(logits));

    /// <summary><c>log Σ exp(score)</c> over the scores that are not NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double LogSumExp(ReadOnlySpan<float> scores)
    {
        var max = double.NegativeInfinity;
        foreach (var score in scores)
        {
            if (!float.IsNaN(score))
            {
                max = Math.Max(max, score);
            }
        }

        var sum = 0.0;
        foreach (var score in scores)
        {
            if (!float.IsNaN(score))
            {
                sum += Math.Exp(score - max);
            }
        }

        return max + Math.Log(sum);
    }
}
