using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Tokenizers.Characters;

/// <summary>
/// Id 0 is the unknown character; ids 1.. are the known text elements, most frequent first, then in ordinal order.
/// Decoding joins the elements as they are, so CRLF, CR and LF (each an element of its own) come back exactly.
/// </summary>
internal sealed class CharacterVocabulary : ITokenVocabulary
{
    public const int Unknown = 0;

    /// <summary>Decodes the unknown id: U+FFFD is Unicode's own stand-in for a character that cannot be shown.</summary>
    public const string UnknownText = "\uFFFD";

    private const string Format = "characters";
    private const int FormatVersion = 1;

    private static readonly IReadOnlySet<int> UnknownOnly = FrozenSet.Create(Unknown);

    private readonly string[] _elements;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;

    /// <param name="known">Distinct text elements in id order, from id 1; none a lone surrogate, which JSON cannot carry.</param>
    public CharacterVocabulary(IReadOnlyList<string> known)
    {
        _elements = [UnknownText, .. known];
        var ids = new Dictionary<string, int>(known.Count, StringComparer.Ordinal);
        for (var i = 0; i < known.Count; i++)
        {
            ids.Add(known[i], i + 1);
        }

        _ids = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _elements.Length;

    public int? UnknownId => Unknown;

    public IReadOnlySet<int> ForbiddenIds => UnknownOnly;

    /// <summary>A lone surrogate is no Unicode text: it is never learned and always reads as unknown.</summary>
    public static bool IsLoneSurrogate(ReadOnlySpan<char> element) => element.Length == 1 && char.IsSurrogate(element[0]);

    public EncodedText Encode(ReadOnlySpan<char> text)
    {
        var ids = new List<int>(text.Length);
        var unknown = new List<Range>();
        for (var position = 0; position < text.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(text[position..]);
            if (_ids.TryGetValue(text.Slice(position, length), out var id))
            {
                ids.Add(id);
            }
            else
            {
                ids.Add(Unknown);
                unknown.Add(new Range(position, position + length));
            }

            position += length;
        }

        return new EncodedText([.. ids], unknown);
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        var text = new StringBuilder(ids.Length);
        foreach (var id in ids)
        {
            text.Append(DecodePiece([], id));
        }

        return text.ToString();
    }

    public string DecodePiece(ReadOnlySpan<int> previous, int id)
    {
        TokenIds.Check(id, Count);
        return _elements[id];
    }

    public string DisplayText(int id) => id == Unknown ? "<unk>" : DecodePiece([], id);

    public string Save() => TokenizerState.Write(new State(Format, FormatVersion, _elements[1..]));

    /// <exception cref="InvalidDataException">The state is damaged or not one this class wrote.</exception>
    public static CharacterVocabulary Load(string text)
    {
        var state = TokenizerState.Read<State>(text, Format, FormatVersion);
        if (state.Elements is null)
        {
            throw TokenizerState.Damaged(Format, "it has no list of elements");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < state.Elements.Length; i++)
        {
            var element = state.Elements[i];
            if (string.IsNullOrEmpty(element) || !seen.Add(element))
            {
                throw TokenizerState.Damaged(Format, $"element {i + 1} is {(string.IsNullOrEmpty(element) ? "empty" : "a repeat")}");
            }
        }

        return new CharacterVocabulary(state.Elements);
    }

    internal sealed record State(string? Format, int Version, string[]? Elements) : IVersionedState;
}
