using System.Collections.ObjectModel;
using LstmTerminal.ViewState;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LstmTerminal.Views;

/// <summary>The prime texts' completions at every evaluation, newest first, so the model is seen learning.</summary>
public sealed class SamplesPanel : FrameView
{
    private readonly SampleLog _log;
    private readonly ObservableCollection<string> _lines = [];
    private long _shown = -1;
    private int _shownWidth;

    public SamplesPanel(SampleLog log)
    {
        _log = log;
        Title = "Samples";
        var list = new ListView { Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = false };
        list.SetSource(_lines);
        Add(list);
        _lines.Add("Samples appear at every evaluation (Training:EvalEvery).");
    }

    /// <summary>Shows new samples if there are any; called by the UI timer.</summary>
    public void Refresh()
    {
        if (_log.Version == _shown && Viewport.Width == _shownWidth)
        {
            return;
        }

        _shown = _log.Version;
        _shownWidth = Viewport.Width;
        var rounds = _log.Snapshot();
        if (rounds.Count == 0)
        {
            return;
        }

        _lines.Clear();
        foreach (var round in rounds)
        {
            _lines.Add($"step {round.Step:N0}");
            foreach (var sample in round.Samples)
            {
                // A line break of the sample (a speaker's name on its own line) starts a new, indented line.
                var text = $"  {sample.Prime} → {sample.Continuation}".ReplaceLineEndings("\n").Split('\n');
                foreach (var line in text.SelectMany((part, i) => TextWrap.Wrap(i == 0 ? part : "    " + part, Viewport.Width, "    ")))
                {
                    _lines.Add(line);
                }
            }
        }
    }
}
