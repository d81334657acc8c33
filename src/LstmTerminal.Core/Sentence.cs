namespace LstmTerminal.Core;

/// <summary>Joins a plugin's message, which may or may not end in a full stop, to the host's next sentence.</summary>
public static class Sentence
{
    public static string Close(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }
}
