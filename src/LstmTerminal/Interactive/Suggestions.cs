using LstmTerminal.Core.Text;
using LstmTerminal.Core.Generation;

namespace LstmTerminal.Interactive;

/// <summary>
/// What the prediction strip shows for one text: the most likely next tokens, where the text has parts the model reads
/// as unknown, or why there is nothing to show (<see cref="Problem"/>, already worded for the strip).
/// </summary>
/// <param name="UnknownParts">Where in <paramref name="Text"/> the unknown parts stand (words, or characters below the word level).</param>
/// <param name="IgnoresSpaces">Whether spaces at the text's end change nothing the model reads (the word level): then taking
/// a suggestion adds a space after it for the next word, as a person types.</param>
public sealed record Suggestions(string Text, IReadOnlyList<GeneratedToken> Tokens, IReadOnlyList<Range> UnknownParts, string? Problem, bool IgnoresSpaces = false)
{
    public static readonly Suggestions None = new(string.Empty, [], [], null);

    public static Suggestions Failed(string text, string problem) => new(text, [], [], problem);

    /// <summary>
    /// The typed text with the <paramref name="rank"/>-th suggestion taken (0 = the most likely), or null when there is
    /// none: its piece appended as the model would write it ("thou art" + " more" + a space at the word level, "ROMEO" +
    /// ":" at the character level, a line break as <c>\n</c>).
    /// </summary>
    public string? Accept(string typed, int rank)
    {
        if (rank >= Tokens.Count)
        {
            return null;
        }

        var piece = PrimeEscapes.Write(Tokens[rank].Piece);
        return IgnoresSpaces ? $"{typed.TrimEnd()}{piece.TrimEnd()} ".TrimStart() : typed + piece;
    }
}
