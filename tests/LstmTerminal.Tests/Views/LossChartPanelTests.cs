using LstmTerminal.ViewState;
using LstmTerminal.Tests.Support;
using LstmTerminal.Views;

namespace LstmTerminal.Tests.Views;

public sealed class LossChartPanelTests
{
    private const string Glyphs = "▁▂▃▄▅▆▇█";

    [Fact]
    public void Losses_are_drawn_and_the_scale_follows_new_values()
    {
        // Given a chart with falling losses from step 1 to 40 and one validation point
        using var ui = new Headless(80, 24);
        var history = new LossHistory();
        var chart = new LossChartPanel(history);
        ui.ShowInWindow(chart);
        Assert.Contains("waiting for the first training step", ui.Screen());
        for (var step = 1; step <= 40; step++)
        {
            history.Add(step, 6.0 - step * 0.05);
        }

        history.AddValidation(40, 4.25);

        // When the chart refreshes
        chart.Refresh();
        ui.Draw();

        // Then the line, the validation mark and the fitted axis show
        var screen = ui.Screen();
        Assert.Contains(Glyphs, ch => screen.Contains(ch));
        Assert.Contains("◆", screen);
        Assert.Contains("5.95", screen);
        Assert.Contains("4.25", screen);
        Assert.Contains("step 1", screen);
        Assert.Contains("step 40", screen);

        // When a validation loss above all others arrives, the scale grows to include it
        history.AddValidation(45, 7.25);
        chart.Refresh();
        ui.Draw();
        Assert.Contains("7.25", ui.Screen());
        Assert.DoesNotContain("5.95", ui.Screen());
        Assert.Contains("step 45", ui.Screen());
    }
}
