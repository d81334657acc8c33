namespace LstmTerminal.Core.Game;

/// <summary>One round of "beat the model": words of the validation text, and the word that follows them, hidden.</summary>
public sealed record GameRound(IReadOnlyList<string> Shown, int[] ShownIds, string Truth, int TruthId)
{
    public string ShownText => string.Join(' ', Shown);
}
