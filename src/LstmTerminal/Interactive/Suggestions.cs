using LstmTerminal.Core.Generation;

namespace LstmTerminal.Interactive;

/// <summary>
/// What the prediction strip shows for one text: the most likely next words, the unknown words of the text, or why
/// there is nothing to show (<see cref="Problem"/>, already worded for the strip).
/// </summary>
public sealed record Suggestions(string Text, IReadOnlyList<GeneratedWord> Words, IReadOnlyList<string> UnknownWords, string? Problem)
{
    public static readonly Suggestions None = new(string.Empty, [], [], null);

    public static Suggestions Failed(string text, string problem) => new(text, [], [], problem);
}
