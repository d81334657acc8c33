using System.Globalization;
using System.Text;
using LstmTerminal.ViewState;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LstmTerminal.Views;

/// <summary>
/// Smoothed training loss over steps as a line of eighth-block glyphs, validation losses as diamonds, both on one
/// scale that refits to the data on every draw. Drawn by hand because GraphView does not rescale itself.
/// </summary>
public sealed class LossChartPanel : FrameView
{
    private const string Levels = "▁▂▃▄▅▆▇█";
    private const int AxisWidth = 7;
    private const char ValidationMark = '◆';

    private readonly LossHistory _history;
    private LossChartSnapshot _data = new([], [], -1);

    public LossChartPanel(LossHistory history)
    {
        _history = history;
        Title = "Loss (smoothed training, ◆ validation)";
    }

    /// <summary>Takes the latest history if it changed; called by the UI timer.</summary>
    public void Refresh()
    {
        if (_history.Version != _data.Version)
        {
            _data = _history.Snapshot();
            SetNeedsDraw();
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Viewport.Width - AxisWidth;
        var height = Viewport.Height - 1;
        var points = _data.Training;
        if (width < 2 || height < 2 || points.Count == 0)
        {
            Move(0, 0);
            AddStr("waiting for the first training step");
            return true;
        }

        var values = points.Select(p => p.Value).Concat(_data.Validation.Select(p => p.Value)).ToList();
        var min = values.Min();
        var max = values.Max();
        var span = Math.Max(1e-9, max - min);
        var first = points[0].Step;
        var last = Math.Max(points[^1].Step, _data.Validation.Count > 0 ? _data.Validation[^1].Step : 0);
        var steps = Math.Max(1, last - first);

        for (var column = 0; column < width; column++)
        {
            var step = first + (double)steps * column / (width - 1);
            if (step > points[^1].Step)
            {
                break;
            }

            // Eighth-cell resolution: the cell's row from the integer part, the glyph from the remainder.
            var level = (int)Math.Round((At(points, step) - min) / span * (height * 8 - 1));
            Move(AxisWidth + column, height - 1 - level / 8);
            AddRune(new Rune(Levels[level % 8]));
        }

        foreach (var point in _data.Validation)
        {
            var column = (int)Math.Round((double)(point.Step - first) / steps * (width - 1));
            var row = (int)Math.Round((point.Value - min) / span * (height - 1));
            Move(AxisWidth + Math.Clamp(column, 0, width - 1), height - 1 - row);
            AddRune(new Rune(ValidationMark));
        }

        var c = CultureInfo.InvariantCulture;
        Move(0, 0);
        AddStr(max.ToString("F2", c));
        Move(0, height - 1);
        AddStr(min.ToString("F2", c));
        Move(AxisWidth, height);
        AddStr(string.Create(c, $"step {first:N0}"));
        var end = string.Create(c, $"step {last:N0}");
        Move(Math.Max(AxisWidth, Viewport.Width - end.Length), height);
        AddStr(end);
        return true;
    }

    /// <summary>The series linearly interpolated at <paramref name="step"/>, which lies within its steps.</summary>
    private static double At(IReadOnlyList<ChartPoint> points, double step)
    {
        var index = 0;
        var high = points.Count - 1;
        while (index < high)
        {
            var middle = (index + high + 1) / 2;
            if (points[middle].Step <= step)
            {
                index = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (index == points.Count - 1)
        {
            return points[index].Value;
        }

        var (a, b) = (points[index], points[index + 1]);
        return a.Value + (b.Value - a.Value) * (step - a.Step) / Math.Max(1, b.Step - a.Step);
    }
}
