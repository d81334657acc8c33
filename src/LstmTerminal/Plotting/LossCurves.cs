using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Records;
using ScottPlot;

namespace LstmTerminal.Plotting;

/// <summary>The training and validation loss of a run against the step, as a PNG.</summary>
public sealed record LossCurves(IReadOnlyList<LossPoint> Training, IReadOnlyList<LossPoint> Validation)
{
    public static LossCurves From(IReadOnlyList<MetricsRow> rows) => new(
        rows.Select(row => new LossPoint(row.Step, row.Loss)).ToList(),
        rows.Where(row => row.ValidationLoss is not null).Select(row => new LossPoint(row.Step, row.ValidationLoss!.Value)).ToList());

    public static LossCurves From(CheckpointManifest manifest) => new(
        manifest.LossHistory,
        manifest.ValidationHistory.Select(point => new LossPoint(point.Step, point.Loss)).ToList());

    public bool IsEmpty => Training.Count == 0 && Validation.Count == 0;

    /// <summary>Writes the PNG to a temporary file beside <paramref name="path"/> and renames it over, so no half file is ever left.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void SavePng(string path, int width, int height)
    {
        using var plot = new Plot();
        Add(plot, Training, "training loss");
        Add(plot, Validation, "validation loss");
        plot.Title("Loss");
        plot.XLabel("step");
        plot.YLabel("loss (nats per word)");
        plot.ShowLegend(Alignment.UpperRight);
        var bytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Add(Plot plot, IReadOnlyList<LossPoint> points, string label)
    {
        if (points.Count == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(points.Select(point => (double)point.Step).ToArray(), points.Select(point => point.Loss).ToArray());
        line.LegendText = label;
        line.MarkerSize = points.Count > 50 ? 0 : 4;
    }
}
