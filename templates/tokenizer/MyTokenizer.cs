using System.Globalization;
using System.Text.Json;
using LstmTerminal.Abstractions;

namespace MyTokenizer;

/// <summary>
/// One token per character (UTF-16 code unit) the corpus uses, lower-cased; any other character reads as the unknown id.
/// A starting point for your own token level. The app creates one instance, passing the context to this constructor.
/// </summary>
public sealed class MyTokenizer : ITokenizer
{
    private const string PluginName = "my-tokenizer";

    private readonly bool _lowerCase;

    public MyTokenizer(PluginContext context)
    {
        // Plugins:my-tokenizer:LowerCase in appsettings.json, or --Plugins:my-tokenizer:LowerCase=false on the command line.
        var setting = context.GetSetting(PluginName, "LowerCase");
        _lowerCase = setting is null || bool.Parse(setting);
    }

    // Keep the name stable: every checkpoint records it and is opened again only through a tokenizer of this name.
    public string Name => PluginName;

    public string Description => "Characters the corpus uses, lower-cased (Plugins:my-tokenizer:LowerCase); others are unknown.";

    // Lower-casing, and the unknown id for unseen characters, lose text: say so, and the app says so beside its figures.
    public bool IsLossless => false;

    public Task<ITokenVocabulary> LearnAsync(string text, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken) =>
        // The text can be many megabytes: learn off the caller's thread, and stop when asked to.
        Task.Run<ITokenVocabulary>(() =>
        {
            var seen = new SortedSet<char>();
            for (var i = 0; i < text.Length; i++)
            {
                if (i % 1_000_000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new TokenizerLearnProgress("reading characters", i, text.Length));
                }

                seen.Add(_lowerCase ? char.ToLowerInvariant(text[i]) : text[i]);
            }

            return new MyVocabulary([.. seen], _lowerCase);
        }, cancellationToken);

    // The state comes from a file that may be damaged: read it field by field, and throw InvalidDataException only.
    public ITokenVocabulary Load(string state)
    {
        try
        {
            using var json = JsonDocument.Parse(state);
            var root = json.RootElement;
            if (root.GetProperty("format").GetString() != MyVocabulary.Format)
            {
                throw new InvalidDataException($"This is not a {PluginName} state of format {MyVocabulary.Format}.");
            }

            var characters = root.GetProperty("characters").GetString() ?? throw new InvalidDataException("The characters are missing.");
            return new MyVocabulary(characters.ToCharArray(), root.GetProperty("lowerCase").GetBoolean());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            // The user reads this line: say what is wrong in plain words, not the JSON library's type names.
            var reason = e switch
            {
                JsonException => "it is not valid JSON",
                KeyNotFoundException => "a field is missing",
                _ => "a field holds a value of the wrong kind",
            };
            throw new InvalidDataException($"The {PluginName} state is damaged: {reason}.", e);
        }
    }
}

/// <summary>Id 0 is the unknown character; ids 1.. are the learned characters. Immutable, so safe on several threads.</summary>
public sealed class MyVocabulary : ITokenVocabulary
{
    public const string Format = "my-tokenizer 1";

    private readonly char[] _characters;
    private readonly Dictionary<char, int> _ids;
    private readonly bool _lowerCase;

    public MyVocabulary(char[] characters, bool lowerCase)
    {
        _characters = characters;
        _lowerCase = lowerCase;
        _ids = new Dictionary<char, int>(characters.Length);
        for (var i = 0; i < characters.Length; i++)
        {
            if (!_ids.TryAdd(characters[i], i + 1))
            {
                throw new InvalidDataException($"The character U+{(int)characters[i]:X4} is in the vocabulary twice.");
            }
        }
    }

    public int Count => _characters.Length + 1;

    public int? UnknownId => 0;

    // The unknown id is no text of its own: a sampler must never choose it.
    public IReadOnlySet<int> ForbiddenIds { get; } = new HashSet<int> { 0 };

    public EncodedText Encode(ReadOnlySpan<char> text)
    {
        var ids = new int[text.Length];
        var unknown = new List<Range>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = _lowerCase ? char.ToLowerInvariant(text[i]) : text[i];
            if (!_ids.TryGetValue(c, out ids[i]))
            {
                // Where each unknown id came from, so the console can mark it in place.
                unknown.Add(i..(i + 1));
            }
        }

        return new EncodedText(ids, unknown);
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        var text = new char[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            text[i] = Character(ids[i]);
        }

        return new string(text);
    }

    // One character per id, whatever came before; a word level would add a space before every word but the first.
    public string DecodePiece(ReadOnlySpan<int> previous, int id) => Character(id).ToString();

    public string DisplayText(int id) => id == 0 ? "<unk>" : Character(id).ToString();

    public string Save() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["format"] = Format,
        ["lowerCase"] = _lowerCase,
        ["characters"] = new string(_characters),
    });

    private char Character(int id) =>
        id >= 0 && id < Count
            ? id == 0 ? '?' : _characters[id - 1]
            : throw new ArgumentOutOfRangeException(nameof(id), id.ToString(CultureInfo.InvariantCulture), $"Ids run from 0 to {Count - 1}.");
}
