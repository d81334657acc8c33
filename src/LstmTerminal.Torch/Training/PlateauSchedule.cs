using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// The learning rate under plateau decay: after a validation no better than the best before it, the rate is
/// multiplied by the decay (a decay of 1 keeps it). A resumed run goes on from its checkpoint's rate and validations.
/// </summary>
internal sealed class PlateauSchedule(double learningRate, double decay, IEnumerable<ValidationPoint> history) : ILearningRateSchedule
{
    private double _best = history.Select(point => point.Loss).DefaultIfEmpty(double.PositiveInfinity).Min();

    public double LearningRate { get; private set; } = learningRate;

    public bool BeforeStep(long step, TimeSpan elapsed) => false;

    public bool Validated(double loss)
    {
        var lowered = loss >= _best && decay < 1;
        _best = Math.Min(_best, loss);
        if (lowered)
        {
            LearningRate *= decay;
        }

        return lowered;
    }
}
