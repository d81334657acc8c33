namespace LstmTerminal.Core.Text;

/// <summary>A tokenised text: its distinct words with their counts, and the sequence as indexes into them.</summary>
public sealed record IndexedText(IReadOnlyList<string> DistinctWords, IReadOnlyList<int> Counts, int[] Sequence);
