using LstmTerminal.Tests.Support;
using LstmTerminal.Views;
using Terminal.Gui.Input;

namespace LstmTerminal.Tests.Views;

public sealed class SettingsProblemWindowTests
{
    private const string Problem = "Training:LearningRate must be greater than 0 and at most 10.";

    [Fact]
    public void Shows_the_problem_and_where_settings_come_from()
    {
        using var ui = new Headless();
        var window = new SettingsProblemWindow(ui.App, Problem);
        ui.Show(window);

        var screen = ui.Screen();
        Assert.Contains(Problem, screen);
        Assert.Contains("appsettings.json", screen);
        Assert.Contains("--Section:Key=value", screen);
        Assert.Contains("Ctrl+Q quits", screen);
    }

    [Theory]
    [InlineData("q")]
    [InlineData("c")]
    public void Ctrl_Q_and_Ctrl_C_quit(string letter)
    {
        using var ui = new Headless();
        var window = new SettingsProblemWindow(ui.App, Problem);
        ui.Show(window);

        ui.Press((letter == "q" ? Key.Q : Key.C).WithCtrl);

        Assert.True(window.StopRequested);
    }
}
