using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LstmTerminal.Views;

/// <summary>
/// What the full-screen app shows instead of the main window when a setting is invalid: the problem, where settings
/// come from, and how to leave. Nothing has started, so nothing can be lost.
/// </summary>
public sealed class SettingsProblemWindow : Window
{
    private readonly IApplication _app;

    public SettingsProblemWindow(IApplication app, string problem)
    {
        _app = app;
        Title = "LstmTerminal: a setting needs fixing";
        BorderStyle = LineStyle.Rounded;
        var text = new Label
        {
            X = 1,
            Y = 1,
            Width = Dim.Fill(1),
            Height = Dim.Fill(2),
            Text = $"{problem}\n\n" +
                   "Settings come from appsettings.json beside the app, LSTMTERMINAL_ environment variables (e.g. " +
                   "LSTMTERMINAL_Training__Epochs=3) and --Section:Key=value options. Fix the value and start again.\n\n" +
                   "Ctrl+Q quits.",
        };
        Add(text, new StatusBar([new Shortcut(Key.Q.WithCtrl, "Quit", app.RequestStop, "")]));
        app.Keyboard.KeyDown += OnAppKey;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Keyboard.KeyDown -= OnAppKey;
        }

        base.Dispose(disposing);
    }

    private void OnAppKey(object? sender, Key key)
    {
        // As in the main window, raw mode delivers Ctrl+C as a key; it quits too.
        if (key == Key.C.WithCtrl)
        {
            key.Handled = true;
            _app.RequestStop();
        }
    }
}
