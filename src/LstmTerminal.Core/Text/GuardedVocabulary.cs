using System.Collections.Frozen;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Core.Text;

/// <summary>
/// A tokenizer plugin's vocabulary as the engine uses it: every call is untrusted, so an exception becomes a
/// <see cref="TokenizerException"/> naming the tokenizer, and answers are checked (ids within [0, Count), one unknown
/// range within the text per unknown id) before the model sees them. Count, unknown id and forbidden ids are read once.
/// </summary>
public sealed class GuardedVocabulary : ITokenVocabulary
{
    /// <summary>More ids than any embedding this app could allocate: a count past it is a plugin's mistake.</summary>
    public const int MaxCount = 10_000_000;

    private readonly ITokenVocabulary _inner;

    /// <exception cref="TokenizerException">The vocabulary's count, unknown id or forbidden ids are out of bounds (every id forbidden included), or reading them threw.</exception>
    public GuardedVocabulary(string tokenizerName, ITokenVocabulary inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        TokenizerName = tokenizerName;
        _inner = inner;
        Count = Call("report its size", () => inner.Count);
        if (Count is < 1 or > MaxCount)
        {
            throw Fault($"reported a vocabulary of {Count} ids (1 to {MaxCount} allowed)");
        }

        UnknownId = Call("report its unknown id", () => inner.UnknownId);
        var forbidden = Call("report its forbidden ids", () => inner.ForbiddenIds.ToFrozenSet());
        if ((UnknownId is { } unknown && !InRange(unknown)) || forbidden.Any(id => !InRange(id)))
        {
            throw Fault($"reported an unknown or forbidden id outside [0, {Count})");
        }

        ForbiddenIds = UnknownId is { } id ? forbidden.Append(id).ToFrozenSet() : forbidden;
        // One id (only the unknown word) is refused by the trainer, with the setting to change.
        if (Count > 1 && ForbiddenIds.Count == Count)
        {
            throw Fault($"forbids every one of its {Count} ids, so no text could ever be generated");
        }
    }

    /// <summary>The name of the tokenizer plugin that made the vocabulary (recorded in checkpoints).</summary>
    public string TokenizerName { get; }

    public int Count { get; }

    public int? UnknownId { get; }

    public IReadOnlySet<int> ForbiddenIds { get; }

    public EncodedText Encode(ReadOnlySpan<char> text)
    {
        EncodedText? encoded;
        try
        {
            encoded = _inner.Encode(text);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Fault($"failed to encode text: {e.Message}", e);
        }

        if (encoded?.Ids is null || encoded.Unknown is null)
        {
            throw Fault("encoded text into nothing (null)");
        }

        var unknownIds = 0;
        foreach (var id in encoded.Ids)
        {
            if (!InRange(id))
            {
                throw Fault($"encoded text into the id {id}, outside [0, {Count})");
            }

            unknownIds += id == UnknownId ? 1 : 0;
        }

        var length = text.Length;
        return unknownIds == encoded.Unknown.Count && encoded.Unknown.All(range => Within(range, length))
            ? encoded
            : throw Fault($"encoded {unknownIds} unknown ids but named {encoded.Unknown.Count} unknown parts of the text, or parts outside it");
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        try
        {
            return _inner.Decode(ids) ?? string.Empty;
        }
        catch (Exception e)
        {
            throw Fault($"failed to decode ids: {e.Message}", e);
        }
    }

    public string DecodePiece(ReadOnlySpan<int> previous, int id)
    {
        try
        {
            return _inner.DecodePiece(previous, id) ?? string.Empty;
        }
        catch (Exception e)
        {
            throw Fault($"failed to decode the id {id}: {e.Message}", e);
        }
    }

    public string DisplayText(int id) => Call($"show the id {id}", () => _inner.DisplayText(id)) ?? string.Empty;

    /// <summary>The learned state as the plugin saves it; refused when no checkpoint could read it back.</summary>
    public string Save()
    {
        var state = Call("save its state", _inner.Save) ?? throw Fault("saved no state (null)");
        return TokenizerStateFile.Unreadable(state) is { } problem ? throw Fault($"saved a state that {problem}") : state;
    }

    private static bool Within(Range range, int length)
    {
        var (start, end) = (range.Start.GetOffset(length), range.End.GetOffset(length));
        return start >= 0 && start <= end && end <= length;
    }

    private bool InRange(int id) => (uint)id < (uint)Count;

    private T Call<T>(string what, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e)
        {
            throw Fault($"failed to {what}: {e.Message}", e);
        }
    }

    private TokenizerException Fault(string what, Exception? inner = null) =>
        new($"The tokenizer '{TokenizerName}' {what}.", inner);
}
