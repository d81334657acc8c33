using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Tokenizers.Subwords;

/// <summary>
/// Byte-level BPE: ids 0-255 are the bytes of UTF-8, id 256 + i the token merge i makes. Text is cut into pieces
/// (<see cref="PreTokenizer"/>), each piece's bytes are merged in merge order, so every string encodes and no id is
/// unknown; decoding joins the tokens' bytes and reads them as UTF-8.
/// </summary>
/// <remarks>
/// Encoding is written here rather than left to Microsoft.ML.Tokenizers 3.0: its BpeTokenizer (ByteLevel, with these
/// merges respelt in GPT-2's byte alphabet and this pre-tokenizer) gives the same ids, but took 0.5-1.0 s for the
/// 5.5 MB of <c>TokenizerBenchmarks</c> where this took 0.2-0.5 s, in the same process on the same machine.
/// </remarks>
internal sealed class SubwordVocabulary : ITokenVocabulary
{
    public const int ByteCount = 256;

    /// <summary>Bounds the memory of the piece cache; a corpus' frequent pieces are far fewer.</summary>
    public const int MaxCachedPieces = 200_000;

    // Version 1 also fixes the pre-tokenizer's pattern and piece length: change either and the version must change.
    private const string Format = "subwords";
    private const int FormatVersion = 1;

    /// <summary>Bytes that never occur in UTF-8 (C0, C1, F5-FF): generating one could only make a broken character.</summary>
    private static readonly IReadOnlySet<int> NeverInUtf8 = FrozenSet.Create([0xC0, 0xC1, .. Enumerable.Range(0xF5, 0x100 - 0xF5)]);

    private readonly Merge[] _merges;
    private readonly byte[][] _bytes;
    private readonly FrozenDictionary<long, int> _rankOfPair;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _cached;
    private int _cachedCount;

    /// <param name="merges">Merge i joins two tokens with ids below <see cref="ByteCount"/> + i; no pair twice.</param>
    public SubwordVocabulary(IReadOnlyList<Merge> merges)
    {
        _merges = [.. merges];
        _bytes = new byte[ByteCount + _merges.Length][];
        for (var b = 0; b < ByteCount; b++)
        {
            _bytes[b] = [(byte)b];
        }

        for (var i = 0; i < _merges.Length; i++)
        {
            _bytes[ByteCount + i] = [.. _bytes[_merges[i].Left], .. _bytes[_merges[i].Right]];
        }

        _rankOfPair = _merges.Select((merge, rank) => (merge.Key, rank)).ToFrozenDictionary(p => p.Key, p => p.rank);
        _cached = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _bytes.Length;

    public int? UnknownId => null;

    public IReadOnlySet<int> ForbiddenIds => NeverInUtf8;

    /// <remarks>A lone surrogate is no Unicode text: UTF-8 carries it as U+FFFD, and that is what it decodes to.</remarks>
    public EncodedText Encode(ReadOnlySpan<char> text)
    {
        // About one token per three characters of English prose with a few thousand merges.
        var ids = new List<int>(text.Length / 3 + 1);
        foreach (var piece in PreTokenizer.Split(text))
        {
            ids.AddRange(EncodePiece(piece));
        }

        return new EncodedText([.. ids]);
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        var length = 0;
        foreach (var id in ids)
        {
            TokenIds.Check(id, Count);
            length += _bytes[id].Length;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            foreach (var id in ids)
            {
                _bytes[id].CopyTo(bytes, written);
                written += _bytes[id].Length;
            }

            return Utf8Stream(bytes.AsSpan(0, length), []);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <remarks>
    /// A UTF-8 decoder's state after any bytes is fixed by their last three (a lead byte always starts afresh), so only
    /// those are replayed: the piece is then exactly what decoding everything would add.
    /// </remarks>
    public string DecodePiece(ReadOnlySpan<int> previous, int id)
    {
        TokenIds.Check(id, Count);
        Span<byte> tail = stackalloc byte[3];
        var start = tail.Length;
        for (var i = previous.Length - 1; i >= 0 && start > 0; i--)
        {
            TokenIds.Check(previous[i], Count);
            var bytes = _bytes[previous[i]];
            var take = Math.Min(start, bytes.Length);
            bytes.AsSpan(bytes.Length - take).CopyTo(tail[(start - take)..]);
            start -= take;
        }

        return Utf8Stream(_bytes[id], tail[start..]);
    }

    public string DisplayText(int id)
    {
        TokenIds.Check(id, Count);
        var text = new StringBuilder();
        var bytes = _bytes[id].AsSpan();
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            consumed = Math.Max(consumed, 1);
            if (status == OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                foreach (var b in bytes[..consumed])
                {
                    text.Append(CultureInfo.InvariantCulture, $"<0x{b:X2}>");
                }
            }

            bytes = bytes[consumed..];
        }

        return text.ToString();
    }

    public string Save() =>
        TokenizerState.Write(new State(Format, FormatVersion, [.. _merges.Select(m => new[] { m.Left, m.Right })]));

    /// <exception cref="InvalidDataException">The state is damaged or not one this class wrote.</exception>
    public static SubwordVocabulary Load(string text)
    {
        var state = TokenizerState.Read<State>(text, Format, FormatVersion);
        if (state.Merges is null)
        {
            throw TokenizerState.Damaged(Format, "it has no list of merges");
        }

        if (state.Merges.Length > SubwordsTokenizer.MaxMerges)
        {
            throw TokenizerState.Damaged(Format, $"it has {state.Merges.Length} merges, more than the {SubwordsTokenizer.MaxMerges} a state can have");
        }

        var merges = new Merge[state.Merges.Length];
        var seen = new HashSet<Merge>();
        for (var i = 0; i < merges.Length; i++)
        {
            var pair = state.Merges[i];
            var limit = ByteCount + i;
            if (pair is not [var left, var right] || left < 0 || left >= limit || right < 0 || right >= limit || !seen.Add(new Merge(left, right)))
            {
                throw TokenizerState.Damaged(Format,
                    $"merge {i + 1} is not a pair of earlier token ids (below {limit}) that no earlier merge joins");
            }

            merges[i] = new Merge(left, right);
        }

        return new SubwordVocabulary(merges);
    }

    private int[] EncodePiece(ReadOnlySpan<char> piece)
    {
        if (_cached.TryGetValue(piece, out var ids))
        {
            return ids;
        }

        Span<byte> bytes = stackalloc byte[PreTokenizer.MaxPieceLength * 3];
        var byteCount = Encoding.UTF8.GetBytes(piece, bytes);
        Span<int> symbols = stackalloc int[byteCount];
        for (var i = 0; i < byteCount; i++)
        {
            symbols[i] = bytes[i];
        }

        // The lowest-ranked pair present goes first, as during learning; each round merges all its occurrences.
        while (symbols.Length > 1)
        {
            var best = int.MaxValue;
            for (var i = 0; i + 1 < symbols.Length; i++)
            {
                if (_rankOfPair.TryGetValue(new Merge(symbols[i], symbols[i + 1]).Key, out var rank) && rank < best)
                {
                    best = rank;
                }
            }

            if (best == int.MaxValue)
            {
                break;
            }

            symbols = symbols[.._merges[best].ApplyTo(symbols, ByteCount + best)];
        }

        ids = symbols.ToArray();
        if (Volatile.Read(ref _cachedCount) < MaxCachedPieces && _cached.TryAdd(piece, ids))
        {
            Interlocked.Increment(ref _cachedCount);
        }

        return ids;
    }

    /// <summary>Decodes <paramref name="bytes"/> after <paramref name="before"/>, leaving out an incomplete character at the end.</summary>
    private static string Utf8Stream(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> before)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        Span<char> discarded = stackalloc char[4];
        decoder.GetChars(before, discarded, flush: false);
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 4);
        try
        {
            return new string(chars, 0, decoder.GetChars(bytes, chars, flush: false));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    internal sealed record State(string? Format, int Version, int[][]? Merges) : IVersionedState;
}
