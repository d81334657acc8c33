using Terminal.Gui.Input;

namespace LstmTerminal.Views;

/// <summary>The keys that take a word of the prediction strip: Tab the first, Alt+1…Alt+5 the one with that number.</summary>
public static class SuggestionKeys
{
    private static readonly Key[] Numbered = [Key.D1.WithAlt, Key.D2.WithAlt, Key.D3.WithAlt, Key.D4.WithAlt, Key.D5.WithAlt];

    /// <summary>The rank of the word <paramref name="key"/> takes (0 = the most likely), or null for any other key.</summary>
    public static int? Rank(Key key)
    {
        if (key == Key.Tab)
        {
            return 0;
        }

        var index = Array.FindIndex(Numbered, k => k == key);
        return index < 0 ? null : index;
    }
}
