namespace LstmTerminal.Core.Generation;

/// <summary>One generated word and the model's probability of it (softmax at temperature 1).</summary>
public sealed record GeneratedWord(int Id, string Word, double Probability);
