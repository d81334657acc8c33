using System.Text.RegularExpressions;

namespace LstmTerminal.Tokenizers.Subwords;

/// <summary>
/// Cuts text into the pieces that merges never cross, GPT-2 style: a word with the space before it (" thou"), a
/// number, a run of punctuation or symbols, a run of line breaks, other whitespace (a run of spaces leaves its last one
/// to the word after it). Every character lands in exactly one piece, in order.
/// </summary>
internal static partial class PreTokenizer
{
    /// <summary>
    /// Longer pieces are cut (never inside a surrogate pair): applying merges is quadratic in a piece's length, and a run
    /// of a million dashes must cost no more than as many short words.
    /// </summary>
    public const int MaxPieceLength = 128;

    public static Enumerator Split(ReadOnlySpan<char> text) => new(text);

    // Combining marks count as letters, so an accent stays with its letter.
    [GeneratedRegex(@" ?[\p{L}\p{M}]+| ?\p{N}+| ?[^\s\p{L}\p{M}\p{N}]+|[\r\n]+|[^\S\r\n]+(?!\S)|[^\S\r\n]+")]
    private static partial Regex Pieces();

    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private Regex.ValueMatchEnumerator _matches;
        private int _next;
        private int _end;

        public Enumerator(ReadOnlySpan<char> text)
        {
            _text = text;
            _matches = Pieces().EnumerateMatches(text);
        }

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_next == _end)
            {
                if (!_matches.MoveNext())
                {
                    return false;
                }

                _next = _matches.Current.Index;
                _end = _next + _matches.Current.Length;
            }

            var length = Math.Min(_end - _next, MaxPieceLength);
            if (_next + length < _end && char.IsHighSurrogate(_text[_next + length - 1]))
            {
                length--;
            }

            Current = _text.Slice(_next, length);
            _next += length;
            return true;
        }
    }
}
