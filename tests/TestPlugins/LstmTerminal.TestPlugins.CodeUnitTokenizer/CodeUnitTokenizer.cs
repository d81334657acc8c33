using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.CodeUnitTokenizer;

/// <summary>One token per UTF-16 code unit: nothing to learn, and every string round-trips, lone surrogates too.</summary>
public sealed class CodeUnitTokenizer : ITokenizer
{
    public const string State = "utf16-units 1";

    public string Name => "utf16-units";

    public string Description => "Every UTF-16 code unit is a token (a test plugin).";

    public bool IsLossless => true;

    public Task<ITokenVocabulary> LearnAsync(string text, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new TokenizerLearnProgress("nothing to learn", 1, 1));
        return Task.FromResult<ITokenVocabulary>(new CodeUnitVocabulary());
    }

    public ITokenVocabulary Load(string state) =>
        state == State ? new CodeUnitVocabulary() : throw new InvalidDataException($"'{state}' is not a utf16-units state.");
}

public sealed class CodeUnitVocabulary : ITokenVocabulary
{
    public int Count => char.MaxValue + 1;

    public int? UnknownId => null;

    public IReadOnlySet<int> ForbiddenIds { get; } = new HashSet<int>();

    public EncodedText Encode(ReadOnlySpan<char> text)
    {
        var ids = new int[text.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = text[i];
        }

        return new EncodedText(ids);
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        var chars = new char[ids.Length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = ToChar(ids[i]);
        }

        return new string(chars);
    }

    public string DecodePiece(ReadOnlySpan<int> previous, int id) => ToChar(id).ToString();

    public string DisplayText(int id) => char.IsSurrogate(ToChar(id)) ? $"<U+{id:X4}>" : ToChar(id).ToString();

    public string Save() => CodeUnitTokenizer.State;

    private char ToChar(int id) =>
        (uint)id < (uint)Count ? (char)id : throw new ArgumentOutOfRangeException(nameof(id), id, $"Token id {id} is outside [0, {Count}).");
}
