namespace LstmTerminal.Core.Generation;

/// <summary>Numerically stable softmax arithmetic on plain logit spans.</summary>
public static class Softmax
{
    public static double ProbabilityOf(ReadOnlySpan<float> logits, int id)
    {
        var max = float.NegativeInfinity;
        foreach (var value in logits)
        {
            max = Math.Max(max, value);
        }

        double sum = 0;
        foreach (var value in logits)
        {
            sum += Math.Exp(value - max);
        }

        return Math.Exp(logits[id] - max) / sum;
    }
}
