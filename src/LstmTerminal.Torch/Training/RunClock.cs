namespace LstmTerminal.Torch.Training;

/// <summary>A run's time: elapsed since it started, throughput over its steps, and the time still to go.</summary>
internal sealed class RunClock(TimeProvider time, long startStep, int tokensPerStep, TimeSpan? timeBudget)
{
    private readonly long _started = time.GetTimestamp();

    public TimeSpan Elapsed => time.GetElapsedTime(_started);

    /// <summary>Training tokens per second over the steps of this run up to <paramref name="step"/>; 0 before the first.</summary>
    public double TokensPerSecond(long step, TimeSpan elapsed) =>
        step == startStep ? 0 : (step - startStep) * tokensPerStep / elapsed.TotalSeconds;

    /// <summary>The steps to <paramref name="totalSteps"/> at the pace so far, unless the time budget runs out first.</summary>
    public TimeSpan Eta(long step, long totalSteps, TimeSpan elapsed)
    {
        var bySteps = elapsed / (step - startStep) * Math.Max(0, totalSteps - step);
        return timeBudget is { } budget && budget - elapsed < bySteps ? TimeSpan.FromTicks(Math.Max(0, (budget - elapsed).Ticks)) : bySteps;
    }
}
