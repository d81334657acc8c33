using System.Drawing;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Interactive;
using LstmTerminal.ViewState;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using LstmTerminal.Torch.Workflow;

namespace LstmTerminal.Views;

/// <summary>
/// Lays out the four panels and the key bar, forwards keys to the session and the console, and applies the state
/// objects to the panels on a UI timer, the only way training-thread updates reach the screen.
/// </summary>
public sealed class MainWindow : Window
{
    public const int MinWidth = 80;
    public const int MinHeight = 24;

    // Fast enough to look live, rare enough that redrawing never competes with training for the CPU.
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(200);

    private readonly IApplication _app;
    private readonly CompletionConsole _console;
    private readonly PluginCatalog _catalog;
    private readonly Label _tooSmall = new() { X = Pos.Center(), Y = Pos.Center(), Width = Dim.Auto(), Height = Dim.Auto(), Visible = false };
    private readonly object? _timer;
    private readonly TrainingPanel _training;
    private readonly LossChartPanel _chart;
    private readonly SamplesPanel _samples;
    private readonly ConsolePanel _consolePanel;

    public MainWindow(IApplication app, TrainingSession session, ScreenState state, CompletionConsole console, PluginCatalog catalog, CancellationToken stopping)
    {
        _app = app;
        _console = console;
        _catalog = catalog;
        Title = "LstmTerminal";
        BorderStyle = LineStyle.None;
        _training = new TrainingPanel(state.Status) { X = 0, Y = 0, Width = Dim.Percent(50), Height = TrainingPanel.ContentHeight + 2 };
        _chart = new LossChartPanel(state.Losses) { X = Pos.Right(_training), Y = 0, Width = Dim.Fill(), Height = TrainingPanel.ContentHeight + 2 };
        _samples = new SamplesPanel(state.Samples) { X = 0, Y = Pos.Bottom(_training), Width = Dim.Percent(40), Height = Dim.Fill(1) };
        _consolePanel = new ConsolePanel(console, state.Transcript, stopping) { X = Pos.Right(_samples), Y = Pos.Bottom(_training), Width = Dim.Fill(), Height = Dim.Fill(1) };
        var keys = new StatusBar(
        [
            new Shortcut(Key.F1, "Help", console.ShowHelp, ""),
            new Shortcut(Key.F2, "Train/Pause", () => session.ToggleTraining(), ""),
            new Shortcut(Key.F3, "Save", session.SaveNow, ""),
            new Shortcut(Key.F4, "Sampler", console.NextSampler, ""),
            new Shortcut(Key.F6, "Keep", () => _consolePanel.SubmitInput(keep: true), ""),
            new Shortcut(Key.F7, "Temp-", () => console.StepTemperature(-1), ""),
            new Shortcut(Key.F8, "Temp+", () => console.StepTemperature(+1), ""),
            new Shortcut(Key.F9, "Plugins", ShowPlugins, ""),
            new Shortcut(Key.Q.WithCtrl, "Quit", Quit, ""),
        ]);
        Add(_training, _chart, _samples, _consolePanel, keys, _tooSmall);
        _consolePanel.Input.SetFocus();

        // Esc is Terminal.Gui's default quit key and would throw away a session by accident.
        app.Keyboard.KeyBindings.Remove(Key.Esc);
        app.Keyboard.KeyDown += OnAppKey;
        app.ScreenChanged += OnScreenChanged;
        _timer = app.AddTimeout(RefreshInterval, () =>
        {
            Refresh();
            return true;
        });
        Fit(app.Screen.Size);
    }

    /// <summary>True while the terminal is too small for the layout and a message shows instead.</summary>
    public bool ShowsTooSmall => _tooSmall.Visible;

    public void Refresh()
    {
        _training.Refresh();
        _chart.Refresh();
        _samples.Refresh();
        _consolePanel.Refresh();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_timer is not null)
            {
                _app.RemoveTimeout(_timer);
            }

            _app.Keyboard.KeyDown -= OnAppKey;
            _app.ScreenChanged -= OnScreenChanged;
        }

        base.Dispose(disposing);
    }

    private void Quit() => _app.RequestStop();

    private void ShowPlugins()
    {
        using var dialog = new PluginsDialog(_catalog, _console, Math.Max(40, _app.Screen.Width * 9 / 10 - 4));
        _app.Run(dialog);
    }

    private void OnAppKey(object? sender, Key key)
    {
        // Raw mode turns Ctrl+C into a key, and views would take it as Copy; here it quits like Ctrl+Q.
        if (key == Key.C.WithCtrl)
        {
            key.Handled = true;
            Quit();
        }
    }

    private void OnScreenChanged(object? sender, EventArgs<Rectangle> e) => Fit(e.Value.Size);

    private void Fit(Size screen)
    {
        var tooSmall = screen.Width < MinWidth || screen.Height < MinHeight;
        // Short lines: a centred label is cut at both ends on a narrow screen, and the size asked for must stay visible.
        _tooSmall.Text = $"The terminal is {screen.Width}x{screen.Height};\nLstmTerminal needs at least {MinWidth}x{MinHeight}.\n" +
                         "Enlarge the window; training\ngoes on meanwhile. Ctrl+Q quits.";
        _tooSmall.Visible = tooSmall;
        foreach (var panel in new View[] { _training, _chart, _samples, _consolePanel })
        {
            panel.Visible = !tooSmall;
        }
    }
}
