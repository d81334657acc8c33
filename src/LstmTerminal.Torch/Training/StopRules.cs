namespace LstmTerminal.Torch.Training;

/// <summary>
/// When a run stops short of its last epoch: cancellation, the step limit or the time budget before a step, and
/// divergence after one.
/// </summary>
internal sealed class StopRules(int? maxSteps, TimeSpan? timeBudget)
{
    /// <returns>Why the run must stop before training <paramref name="step"/> + 1, or null to go on.</returns>
    public StopReason? Before(long step, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return StopReason.Cancelled;
        }

        if (maxSteps is { } limit && step >= limit)
        {
            return StopReason.StepLimit;
        }

        return elapsed >= timeBudget ? StopReason.TimeBudget : null;
    }

    /// <summary>A loss whose perplexity no double can hold (or no number at all): the weights have blown up.</summary>
    public static bool HasDiverged(double loss) => !double.IsFinite(Math.Exp(loss));

    public static string Diverged(string what) =>
        $"{what}: training diverged and stopped, and the last good checkpoint was kept. Lower Training:LearningRate or Training:GradientClip.";
}
