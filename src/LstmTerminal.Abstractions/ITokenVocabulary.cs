namespace LstmTerminal.Abstractions;

/// <summary>
/// A learned vocabulary: turns text into the ids the model sees and ids back into text. Ids run from 0 to
/// <see cref="Count"/> - 1.
/// </summary>
/// <remarks>
/// Immutable once made: the host encodes and decodes from several threads at once (training, the console, samples),
/// so every member must be safe to call concurrently.
/// </remarks>
public interface ITokenVocabulary
{
    /// <summary>Number of ids, the unknown id and every id in <see cref="ForbiddenIds"/> included.</summary>
    int Count { get; }

    /// <summary>
    /// The id that stands for text the vocabulary does not know, or null when every text encodes (a lossless tokenizer).
    /// </summary>
    int? UnknownId { get; }

    /// <summary>
    /// Ids a sampler must never return because they are no text of their own: always <see cref="UnknownId"/> when there is
    /// one, and any other id that generated text must not contain (e.g. bytes that never occur in UTF-8). Often empty
    /// otherwise. The host adds these to <see cref="SamplingContext.ForbiddenTokens"/>.
    /// </summary>
    IReadOnlySet<int> ForbiddenIds { get; }

    /// <summary>
    /// Turns text into ids. Never fails on any string, whether or not it resembles the corpus. A tokenizer that normalises
    /// (e.g. lower-cases) still reports positions in the text as given, so the caller can mark unknown parts in place.
    /// </summary>
    /// <param name="text">Any text: a corpus of many megabytes, one part of it, or a prime phrase someone typed.</param>
    EncodedText Encode(ReadOnlySpan<char> text);

    /// <summary>
    /// Turns ids into text, the same text as the <see cref="DecodePiece"/> of each id after the ones before it, joined.
    /// For a lossless tokenizer <c>Decode(Encode(text).Ids)</c> is <c>text</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside [0, <see cref="Count"/>).</exception>
    string Decode(ReadOnlySpan<int> ids);

    /// <summary>
    /// The text that <paramref name="id"/> adds after <paramref name="previous"/>, for streaming generated text id by id:
    /// <c>Decode(previous) + DecodePiece(previous, id)</c> always equals <c>Decode([.. previous, id])</c>. It may depend on
    /// the last few previous ids (a word level puts a space before every word but the first; a byte level gives "" for a
    /// byte that only begins a character and the whole character with the byte that completes it).
    /// </summary>
    /// <param name="previous">Every id before this one (the prime's included), oldest first; empty at the start of a text.</param>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside [0, <see cref="Count"/>).</exception>
    string DecodePiece(ReadOnlySpan<int> previous, int id);

    /// <summary>
    /// A short label for one id on its own, for lists of candidates such as the next-token suggestions: its text at the
    /// start of a text, or a readable stand-in where it has none of its own (e.g. <c>&lt;unk&gt;</c> for the unknown id,
    /// <c>&lt;0xE2&gt;</c> for a byte that is only part of a character). It may hold spaces and line breaks; the host
    /// makes them visible.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is outside [0, <see cref="Count"/>).</exception>
    string DisplayText(int id);

    /// <summary>
    /// The learned state as text in the tokenizer's own format (JSON or plain lines, with a format version), which
    /// <see cref="ITokenizer.Load"/> turns back into an equal vocabulary. The host stores it in the checkpoint.
    /// </summary>
    string Save();
}
