using System.Text;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LstmTerminal.Tests.Support;

/// <summary>
/// A Terminal.Gui application on a virtual screen and clock: no terminal, nothing drawn anywhere. Tests that use it
/// stay synchronous: Terminal.Gui installs a synchronization context that runs posted continuations only inside Run(),
/// so an await in such a test never resumes.
/// </summary>
internal sealed class Headless : IDisposable
{
    private SessionToken? _session;
    private Runnable? _top;

    public Headless(int width = 120, int height = 40)
    {
        App = Application.Create(Time).Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
    }

    public VirtualTimeProvider Time { get; } = new();

    public IApplication App { get; }

    /// <summary>Shows <paramref name="top"/> as the running window (a panel goes in a window that it fills).</summary>
    public void Show(Runnable top)
    {
        _top = top;
        _session = App.Begin(top);
        Draw();
    }

    public Window ShowInWindow(View panel)
    {
        panel.Width = Dim.Fill();
        panel.Height = Dim.Fill();
        var window = new Window();
        window.Add(panel);
        Show(window);
        return window;
    }

    public void Draw() => App.LayoutAndDraw(true);

    /// <summary>Lets the virtual clock pass so the UI timers fire once, then redraws.</summary>
    public void Tick(int milliseconds = 250)
    {
        Time.Advance(TimeSpan.FromMilliseconds(milliseconds));
        App.TimedEvents!.RunTimers();
        Draw();
    }

    public string Screen()
    {
        var cells = App.Driver!.Contents!;
        var text = new StringBuilder();
        for (var row = 0; row < cells.GetLength(0); row++)
        {
            for (var column = 0; column < cells.GetLength(1); column++)
            {
                text.Append(cells[row, column].Grapheme);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public void Type(string text)
    {
        foreach (var ch in text)
        {
            App.InjectKey(new Key(ch));
        }
    }

    public void Press(Key key) => App.InjectKey(key);

    public void Dispose()
    {
        if (_session is not null)
        {
            App.End(_session);
        }

        _top?.Dispose();
        App.Dispose();
    }
}
