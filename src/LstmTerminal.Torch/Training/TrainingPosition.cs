using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Torch.Training;

/// <summary>Where a run stands: the global step, the epoch and the steps done in it, and the losses so far.</summary>
internal sealed class TrainingPosition
{
    private TrainingPosition(long step, int epoch, int stepInEpoch, List<LossPoint> lossHistory, List<ValidationPoint> validationHistory)
    {
        Step = step;
        Epoch = epoch;
        StepInEpoch = stepInEpoch;
        LossHistory = lossHistory;
        ValidationHistory = validationHistory;
    }

    public long Step { get; private set; }

    /// <summary>The epoch in progress, 0-based.</summary>
    public int Epoch { get; private set; }

    /// <summary>Steps done in <see cref="Epoch"/>, which is the next step's index in it.</summary>
    public int StepInEpoch { get; private set; }

    public List<LossPoint> LossHistory { get; }

    public List<ValidationPoint> ValidationHistory { get; }

    /// <summary>The start of a fresh run, or where <paramref name="resumed"/> stopped.</summary>
    public static TrainingPosition At(CheckpointManifest? resumed) =>
        new(resumed?.Step ?? 0, resumed?.Epoch ?? 0, resumed?.StepInEpoch ?? 0, resumed?.LossHistory.ToList() ?? [], resumed?.ValidationHistory.ToList() ?? []);

    public void CompleteStep(double loss)
    {
        Step++;
        StepInEpoch++;
        LossHistory.Add(new LossPoint(Step, loss));
    }

    public void CompleteEpoch()
    {
        Epoch++;
        StepInEpoch = 0;
    }

    /// <summary>The mean training loss of the last steps (up to ten) after step <paramref name="since"/>; null if there were none.</summary>
    public double? RecentLoss(long since)
    {
        var steps = (int)Math.Min(Step - since, 10);
        return steps > 0 ? LossHistory.TakeLast(steps).Average(point => point.Loss) : null;
    }

    public CheckpointManifest ToManifest(TrainingPlan plan, double learningRate) => new()
    {
        Step = Step,
        Epoch = Epoch,
        StepInEpoch = StepInEpoch,
        Model = plan.Shape,
        Training = plan.Settings,
        Corpus = plan.Corpus.Source,
        LossHistory = LossHistory,
        ValidationHistory = ValidationHistory,
        LearningRate = learningRate,
    };
}
