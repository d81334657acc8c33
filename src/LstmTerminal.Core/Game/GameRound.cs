namespace LstmTerminal.Core.Game;

/// <summary>
/// One round of "beat the model": the start of a real line of the validation text (after the line before it, when there
/// is one) and the word that follows, hidden.
/// </summary>
/// <param name="Before">The whole line before, as context; null when the line is the first of the text.</param>
/// <param name="Start">The line up to the hidden word, with the space before it.</param>
/// <param name="Truth">The hidden word as written, without the punctuation that follows it.</param>
public sealed record GameRound(string? Before, string Start, string Truth)
{
    public const string DefaultLineBreak = "\n";

    /// <summary>The line break after <see cref="Before"/> as the corpus wrote it (LF, CRLF or CR), so the model reads the breaks it learned.</summary>
    public string LineBreak { get; init; } = DefaultLineBreak;

    /// <summary>What the model reads before it answers: exactly what the player is shown.</summary>
    public string Context => Before is null ? Start : Before + LineBreak + Start;
}
