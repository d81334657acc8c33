namespace LstmTerminal.Core.Game;

/// <summary>
/// What counts as a word in a game at every token level: a run of letters, digits and inner apostrophes or hyphens,
/// compared without regard to case, so "Art!", "art" and the word level's "art" are the same answer.
/// </summary>
public static class GameWords
{
    /// <summary>The word without the punctuation and spaces around it ("  Art! " is "Art").</summary>
    public static string Core(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        var end = text.Length;
        while (start < end && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>True when both hold the same word; a text without a word matches nothing.</summary>
    public static bool Same(string a, string b)
    {
        var core = Core(a);
        return core.Length > 0 && string.Equals(core, Core(b), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The first word of <paramref name="text"/> once something that is no part of a word follows it, or null while the
    /// text could still be the start of a longer word (or holds no word yet).
    /// </summary>
    public static string? FirstComplete(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        while (start < text.Length && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        for (var end = start; end < text.Length; end++)
        {
            if (text[end] is '\'' or '-' or '’' && end + 1 == text.Length)
            {
                return null;
            }

            if (!IsWordCharacter(text, end))
            {
                return Core(text[start..end]);
            }
        }

        return null;
    }

    /// <summary>Letters and digits, and an apostrophe or hyphen between two of them ("o'er", "self-same").</summary>
    private static bool IsWordCharacter(string text, int at) =>
        char.IsLetterOrDigit(text[at])
        || (text[at] is '\'' or '-' or '’' && at > 0 && at + 1 < text.Length && char.IsLetterOrDigit(text[at - 1]) && char.IsLetterOrDigit(text[at + 1]));
}
