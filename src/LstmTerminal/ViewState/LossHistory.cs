using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.ViewState;

/// <summary>The loss chart's state: smoothed training loss per step and validation loss per epoch.</summary>
public sealed class LossHistory
{
    // Weight of the newest step in the moving average: enough to hide batch noise, still following the trend within ~20 steps.
    private const double Smoothing = 0.1;

    private readonly Lock _gate = new();
    private readonly List<ChartPoint> _training = [];
    private readonly List<ChartPoint> _validation = [];
    private double? _smoothed;
    private long _version;

    public long Version
    {
        get { lock (_gate) { return _version; } }
    }

    /// <summary>Adds one step's loss and returns the smoothed loss after it.</summary>
    public double Add(long step, double loss)
    {
        lock (_gate)
        {
            var smoothed = _smoothed is { } previous ? previous + Smoothing * (loss - previous) : loss;
            _smoothed = smoothed;
            _training.Add(new ChartPoint(step, smoothed));
            _version++;
            return smoothed;
        }
    }

    public void AddValidation(long step, double loss)
    {
        lock (_gate)
        {
            _validation.Add(new ChartPoint(step, loss));
            _version++;
        }
    }

    /// <summary>Starts over from a checkpoint's histories; returns the smoothed loss at their end, if any.</summary>
    public double? Reset(IEnumerable<LossPoint> losses, IEnumerable<ValidationPoint> validations)
    {
        lock (_gate)
        {
            _training.Clear();
            _validation.Clear();
            _smoothed = null;
            _version++;
        }

        foreach (var point in losses)
        {
            Add(point.Step, point.Loss);
        }

        foreach (var point in validations)
        {
            AddValidation(point.Step, point.Loss);
        }

        lock (_gate)
        {
            return _smoothed;
        }
    }

    public LossChartSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new LossChartSnapshot([.. _training], [.. _validation], _version);
        }
    }
}
