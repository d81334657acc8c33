using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using LstmTerminal.Shared;
using LstmTerminal.Tokenizers.Characters;
using LstmTerminal.Tokenizers.Subwords;
using LstmTerminal.Tokenizers.Words;

namespace LstmTerminal.Tokenizers;

/// <summary>The envelope every saved state carries, so a state of another tokenizer or version is named, not misread.</summary>
internal interface IVersionedState
{
    string? Format { get; }

    int Version { get; }
}

/// <summary>Writes and reads a tokenizer's learned state as JSON into a fixed record: never type-driven.</summary>
internal static class TokenizerState
{
    // Relaxed escaping keeps the characters of a vocabulary readable in the checkpoint; it is never embedded in HTML.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = TokenizerStateContext.Default,
    };

    public static string Write<T>(T state)
        where T : IVersionedState =>
        JsonSerializer.Serialize(state, Options);

    /// <exception cref="InvalidDataException">Not JSON, of another tokenizer, or of another format version.</exception>
    public static T Read<T>(string text, string format, int version)
        where T : class, IVersionedState
    {
        ArgumentNullException.ThrowIfNull(text);
        T? state;
        try
        {
            state = PlainJson.Read<T>(text, Options);
        }
        catch (InvalidDataException e)
        {
            throw Damaged(format, e.Message, e);
        }

        if (state is null)
        {
            throw Damaged(format, "it is empty");
        }

        if (!string.Equals(state.Format, format, StringComparison.Ordinal))
        {
            throw new InvalidDataException(state.Format is null
                ? $"The saved tokenizer state names no format, so it is not a state of the '{format}' tokenizer."
                : $"The saved tokenizer state belongs to the '{state.Format}' tokenizer, not to '{format}'.");
        }

        return state.Version == version
            ? state
            : throw new InvalidDataException($"The saved '{format}' tokenizer state has format version {state.Version}; this plugin reads version {version}.");
    }

    public static InvalidDataException Damaged(string format, string reason, Exception? inner = null) =>
        new($"The saved '{format}' tokenizer state is damaged: {reason}.", inner);
}

/// <summary>
/// Serialisation code for every tokenizer state, generated at build time: a checkpoint's vocabulary loads without the
/// reflection-built serialiser, which cost <c>generate</c> tens of milliseconds of compiling before its first token.
/// </summary>
[JsonSerializable(typeof(CharacterVocabulary.State), TypeInfoPropertyName = "CharactersState")]
[JsonSerializable(typeof(SubwordVocabulary.State), TypeInfoPropertyName = "SubwordsState")]
[JsonSerializable(typeof(WordVocabulary.State), TypeInfoPropertyName = "WordsState")]
internal sealed partial class TokenizerStateContext : JsonSerializerContext;
