namespace LstmTerminal.Torch.Training;

/// <summary>The decay of a cosine schedule: it ends at <paramref name="Floor"/> times the starting rate.</summary>
public sealed record CosineDecay(double Floor);

/// <summary>
/// The rate falls along half a cosine from <paramref name="peak"/> to its floor as the run nears its end: the step limit
/// or the time budget, whichever is nearer. A resumed run is placed by its step; its time budget is its own, so a
/// budget-bound run that resumes decays again over the new budget.
/// </summary>
internal sealed class CosineSchedule(double peak, CosineDecay decay, long totalSteps, TimeSpan? timeBudget) : ILearningRateSchedule
{
    private double? _current;

    /// <summary>The peak until the first step places the rate on the curve.</summary>
    public double LearningRate => _current ?? peak;

    public bool BeforeStep(long step, TimeSpan elapsed)
    {
        var bySteps = (double)step / totalSteps;
        var byTime = timeBudget is { } budget ? elapsed / budget : 0;
        var progress = Math.Clamp(Math.Max(bySteps, byTime), 0, 1);
        var floor = peak * decay.Floor;
        _current = floor + ((peak - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
        return true;
    }

    public bool Validated(double loss) => false;
}
