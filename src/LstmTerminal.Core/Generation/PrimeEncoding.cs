namespace LstmTerminal.Core.Generation;

/// <summary>A prime phrase as the model sees it, with the parts the vocabulary does not know.</summary>
/// <param name="Pieces">The text each id stands for after the ones before it; an unknown id's piece holds the part as typed.</param>
/// <param name="IgnoresSpaces">True when spaces at its end change nothing the model reads (a word level), so a caller may add one
/// for typing's sake; false where a space is a token of its own.</param>
/// <param name="UnknownParts">Where in <paramref name="Prime"/> the parts the model reads as unknown stand, in text order, as the
/// tokenizer reported them: a word at the word level, one character at the character level.</param>
public sealed record PrimeEncoding(string Prime, IReadOnlyList<string> Pieces, int[] Ids, bool IgnoresSpaces, IReadOnlyList<Range> UnknownParts)
{
    /// <summary>The unknown parts as typed, each once, in text order.</summary>
    public IReadOnlyList<string> UnknownWords => UnknownParts.Select(part => Prime[part]).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The prime as the model reads it: "thou art more" for "Thou art more!" at the word level, as typed at the character level.</summary>
    public string Text => string.Concat(Pieces);
}
