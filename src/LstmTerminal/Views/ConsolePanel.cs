using System.Collections.ObjectModel;
using System.Globalization;
using LstmTerminal.Interactive;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LstmTerminal.Views;

/// <summary>
/// The completion console: a transcript above a <c>prime&gt;</c> line and the prediction strip; Enter submits, Up/Down
/// recall, Tab and Alt+1…Alt+5 take a predicted word, Ctrl+Enter (or F6, for terminals that send Ctrl+Enter as Enter)
/// completes and keeps the result in the manuscript.
/// </summary>
public sealed class ConsolePanel : FrameView
{
    private readonly CompletionConsole _console;
    private readonly ConsoleTranscript _transcript;
    private readonly InputHistory _history = new();
    private readonly CancellationToken _stopping;
    private readonly ObservableCollection<string> _lines = [];
    private readonly ListView _list;
    private readonly Label _prompt;
    private readonly SuggestionStrip _strip = new() { X = 0, Y = Pos.AnchorEnd(SuggestionStrip.Lines), Width = Dim.Fill() };
    private long _shown = -1;
    private int _shownWidth;

    public ConsolePanel(CompletionConsole console, ConsoleTranscript transcript, CancellationToken stopping)
    {
        _console = console;
        _transcript = transcript;
        _stopping = stopping;
        const int belowList = 1 + SuggestionStrip.Lines;
        _list = new ListView { Width = Dim.Fill(), Height = Dim.Fill(belowList), CanFocus = false };
        _list.SetSource(_lines);
        _prompt = new Label { Text = "prime>", X = 0, Y = Pos.AnchorEnd(belowList) };
        Input = new TextField { X = Pos.Right(_prompt) + 1, Y = Pos.AnchorEnd(belowList), Width = Dim.Fill() };
        Input.Accepting += OnAccepting;
        Input.KeyDown += OnInputKey;
        Input.TextChanged += OnTextChanged;
        console.Suggestions.Updated += OnSuggestionsUpdated;
        Add(_list, _prompt, Input, _strip);
        Refresh();
    }

    public TextField Input { get; }

    public SuggestionStrip Strip => _strip;

    public CompletionConsole Console => _console;

    /// <summary>Shows new transcript lines and the current settings; called by the UI timer.</summary>
    public void Refresh()
    {
        var s = _console.Settings;
        Title = string.Create(CultureInfo.InvariantCulture, $"Console: sampler {s.Sampler}, temperature {s.Temperature}, {s.Words} tokens, seed {(s.Seed is { } seed ? seed : "off")}");
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
        SubmitInput(keep: false);
    }

    /// <summary>Submits the typed line; with <paramref name="keep"/> (Ctrl+Enter, F6) its completion joins the manuscript.</summary>
    public void SubmitInput(bool keep)
    {
        var text = Input.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        _history.Add(text);
        Input.Text = string.Empty;
        _ = _console.Submit(text, _stopping, keep);
        Refresh();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _console.Suggestions.Updated -= OnSuggestionsUpdated;
        }

        base.Dispose(disposing);
    }

    private void OnTextChanged(object? sender, EventArgs e) => _console.Suggestions.Request(_console.SuggestionContext(Input.Text));

    /// <summary>Raised on the feed's worker; the strip is a view, so it changes on the UI thread.</summary>
    private void OnSuggestionsUpdated() => App?.Invoke(ShowSuggestions);

    private void ShowSuggestions() => _strip.Show(_console.Suggestions.Latest, _console.SuggestionContext(Input.Text), Input, Input.Frame.X);

    /// <summary>Appends the <paramref name="rank"/>-th prediction's piece (0 = the most likely), so the strip predicts the one after it.</summary>
    private void AcceptSuggestion(int rank)
    {
        if (Input.Text.StartsWith('/') || _console.Suggestions.Latest.Accept(Input.Text, rank) is not { } accepted)
        {
            return;
        }

        Input.Text = accepted;
        Input.MoveEnd();
    }

    private void OnInputKey(object? sender, Key key)
    {
        if (SuggestionKeys.Rank(key) is { } rank)
        {
            // Handled even with nothing to accept, or Tab would move the focus out of the field.
            key.Handled = true;
            AcceptSuggestion(rank);
            return;
        }

        if (key == Key.Enter.WithCtrl)
        {
            key.Handled = true;
            SubmitInput(keep: true);
            return;
        }

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
