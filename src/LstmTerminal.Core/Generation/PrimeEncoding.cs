namespace LstmTerminal.Core.Generation;

/// <summary>A prime phrase as the model sees it, with the words the vocabulary does not know.</summary>
public sealed record PrimeEncoding(string Prime, IReadOnlyList<string> Words, int[] Ids, IReadOnlyList<string> UnknownWords);
