namespace LstmTerminal.ViewState;

/// <summary>Smoothed training loss and validation loss by step, as of one moment.</summary>
public sealed record LossChartSnapshot(IReadOnlyList<ChartPoint> Training, IReadOnlyList<ChartPoint> Validation, long Version);
