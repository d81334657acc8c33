using System.Collections.ObjectModel;
using System.Globalization;
using LstmTerminal.Interactive;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LstmTerminal.Views;

/// <summary>The completion console: a transcript above a <c>prime&gt;</c> line; Enter submits, Up/Down recall.</summary>
public sealed class ConsolePanel : FrameView
{
    private readonly CompletionConsole _console;
    private readonly ConsoleTranscript _transcript;
    private readonly InputHistory _history = new();
    private readonly CancellationToken _stopping;
    private readonly ObservableCollection<string> _lines = [];
    private readonly ListView _list;
    private long _shown = -1;
    private int _shownWidth;

    public ConsolePanel(CompletionConsole console, ConsoleTranscript transcript, CancellationToken stopping)
    {
        _console = console;
        _transcript = transcript;
        _stopping = stopping;
        _list = new ListView { Width = Dim.Fill(), Height = Dim.Fill(1), CanFocus = false };
        _list.SetSource(_lines);
        var prompt = new Label { Text = "prime>", X = 0, Y = Pos.AnchorEnd(1) };
        Input = new TextField { X = Pos.Right(prompt) + 1, Y = Pos.AnchorEnd(1), Width = Dim.Fill() };
        Input.Accepting += OnAccepting;
        Input.KeyDown += OnInputKey;
        Add(_list, prompt, Input);
        Refresh();
    }

    public TextField Input { get; }

    /// <summary>Shows new transcript lines and the current settings; called by the UI timer.</summary>
    public void Refresh()
    {
        var s = _console.Settings;
        Title = string.Create(CultureInfo.InvariantCulture, $"Console: sampler {s.Sampler}, temperature {s.Temperature}, {s.Words} words, seed {(s.Seed is { } seed ? seed : "off")}");
        if (_transcript.Version == _shown && Viewport.Width == _shownWidth)
        {
            return;
        }

        _shown = _transcript.Version;
        _shownWidth = Viewport.Width;
        _lines.Clear();
        foreach (var line in _transcript.Snapshot().SelectMany(l => TextWrap.Wrap(l, Viewport.Width, "    ")))
        {
            _lines.Add(line);
        }

        if (_lines.Count > 0)
        {
            // Selecting the last line is what scrolls a ListView to its end.
            _list.SelectedItem = _lines.Count - 1;
            _list.EnsureSelectedItemVisible();
        }
    }

    private void OnAccepting(object? sender, CommandEventArgs e)
    {
        // Handled, or Enter would bubble up to the window.
        e.Handled = true;
        var text = Input.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        _history.Add(text);
        Input.Text = string.Empty;
        _ = _console.Submit(text, _stopping);
        Refresh();
    }

    private void OnInputKey(object? sender, Key key)
    {
        string? recalled;
        if (key == Key.CursorUp)
        {
            recalled = _history.Previous();
        }
        else if (key == Key.CursorDown)
        {
            recalled = _history.Next();
        }
        else
        {
            return;
        }

        // Handled even with no history, or the application moves the focus on Up/Down.
        key.Handled = true;
        if (recalled is not null)
        {
            Input.Text = recalled;
            Input.MoveEnd();
        }
    }
}
