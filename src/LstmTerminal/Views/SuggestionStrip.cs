using LstmTerminal.Interactive;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LstmTerminal.Views;

/// <summary>
/// Two lines under the <c>prime&gt;</c> field: marks under the unknown words (or characters) as they sit in the field, and the five
/// most likely next words with their probability bars.
/// </summary>
public sealed class SuggestionStrip : View
{
    public const int Lines = 2;

    private readonly Label _marks = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
    private readonly Label _words = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = 1 };

    public SuggestionStrip()
    {
        Height = Lines;
        CanFocus = false;
        Add(_marks, _words);
    }

    /// <summary>Shows <paramref name="suggestions"/> for the field's text, whose first visible character is at <paramref name="fieldColumn"/>.</summary>
    /// <param name="context">What the model reads for the field's text (<see cref="CompletionConsole.SuggestionContext"/>).</param>
    public void Show(Suggestions suggestions, string context, TextField field, int fieldColumn)
    {
        var marks = SuggestionText.Marks(field.Text, context, suggestions);
        var visible = marks.Length > field.ScrollOffset ? marks[field.ScrollOffset..] : string.Empty;
        _marks.Text = visible.Length == 0 ? string.Empty : new string(' ', fieldColumn) + visible;
        _words.Text = SuggestionText.Strip(suggestions, Math.Max(1, Viewport.Width));
    }

    /// <summary>What the strip shows now, for tests and the panel's checks.</summary>
    public string WordsLine => _words.Text;
}
