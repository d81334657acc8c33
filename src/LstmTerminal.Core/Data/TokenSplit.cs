namespace LstmTerminal.Core.Data;

/// <summary>The ids of the training text and of the validation text, each encoded on its own (see <see cref="ValidationCut"/>).</summary>
public sealed record TokenSplit(int[] Training, int[] Validation);
