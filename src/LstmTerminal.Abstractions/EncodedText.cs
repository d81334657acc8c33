namespace LstmTerminal.Abstractions;

/// <summary>A text as token ids, with where each unknown id came from.</summary>
/// <param name="Ids">The ids, in text order.</param>
/// <param name="Unknown">
/// One range per occurrence of <see cref="ITokenVocabulary.UnknownId"/> in <paramref name="Ids"/>, in the same order: the
/// characters of the encoded text (offsets from its start, never from its end) that the id stands for. Empty when
/// every part was known.
/// </param>
public sealed record EncodedText(int[] Ids, IReadOnlyList<Range> Unknown)
{
    /// <summary>A text without unknown parts.</summary>
    public EncodedText(int[] ids)
        : this(ids, Array.Empty<Range>())
    {
    }
}
