namespace LstmTerminal.Core.Generation;

/// <summary>One generated word and the model's probability of it (softmax at temperature 1).</summary>
public sealed record GeneratedWord(int Id, string Word, double Probability)
{
    /// <summary>Below this probability a word is one the model hardly expected; the console marks it.</summary>
    public const double UnlikelyBelow = 0.02;

    public bool IsUnlikely => Probability < UnlikelyBelow;
}
