using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LstmTerminal.Shared;

/// <summary>
/// Reads a JSON file's text into a type. When the text is no JSON or does not fit the type, the
/// <see cref="InvalidDataException"/> says why in a clause a user can act on ("field 'model.layers' must be a whole
/// number, not text"), where the serializer's own message names .NET types and JSON paths. Source linked into the host
/// and the tokenizer plugins, which share no assembly but the contracts.
/// </summary>
internal static class PlainJson
{
    private const int MaxShownNumberLength = 24;

    private static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;

    // When the failure's place cannot be followed: its raw path could show characters from the file.
    private const string SomeFieldWrong = "one of its fields holds a value of the wrong kind";

    /// <exception cref="InvalidDataException">The text is no JSON or does not fit <typeparamref name="T"/>; the message is a clause, "it …" or "field '…' …".</exception>
    public static T? Read<T>(string json, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, options);
        }
        catch (JsonException e)
        {
            // Only a damaged file comes here: the second look at its text costs nothing on the way to a good one.
            throw new InvalidDataException(Explain(e, Encoding.UTF8.GetBytes(json), typeof(T), options), e);
        }
    }

    /// <inheritdoc cref="Read{T}(string, JsonSerializerOptions)"/>
    public static T? Read<T>(ReadOnlyMemory<byte> utf8, JsonSerializerOptions options)
    {
        // Editors may start a file with a byte order mark, which the span reader, unlike the stream one, does not skip.
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return JsonSerializer.Deserialize<T>(utf8.Span, options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(Explain(e, utf8, typeof(T), options), e);
        }
    }

    private static string Explain(JsonException failure, ReadOnlyMemory<byte> utf8, Type type, JsonSerializerOptions options)
    {
        if (SyntaxProblem(utf8.Span, options) is { } syntax)
        {
            return syntax;
        }

        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions
            {
                MaxDepth = options.EffectiveMaxDepth(),
                AllowTrailingCommas = options.AllowTrailingCommas,
                CommentHandling = options.ReadCommentHandling,
            });
            return ShapeProblem(failure.Path, document.RootElement, options.GetTypeInfo(type), options);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException)
        {
            // A type the options' resolver does not know, or a document the scan above passed and the parser did not.
            return SomeFieldWrong;
        }
    }

    /// <summary>Why the text is no JSON the options read (empty, cut short, malformed, nested too deep), or null.</summary>
    private static string? SyntaxProblem(ReadOnlySpan<byte> utf8, JsonSerializerOptions options)
    {
        var text = utf8.TrimEnd(Whitespace);
        if (text.TrimStart(Whitespace).IsEmpty)
        {
            return "it is empty";
        }

        var error = Scan(text, options, isFinalBlock: true, out var tooDeep);
        if (tooDeep)
        {
            return $"it nests lists or objects deeper than {options.EffectiveMaxDepth()} levels";
        }

        if (error is null)
        {
            return null;
        }

        // Text that reads as the start of a longer document was cut short; anything else is malformed where it failed.
        return Scan(text, options, isFinalBlock: false, out _) is null
            ? $"it is not valid JSON: it breaks off at line {text.Count((byte)'\n') + 1}"
            : $"it is not valid JSON: it has a syntax error at line {(error.LineNumber ?? 0) + 1}";
    }

    /// <summary>The reader's error on the text, or null; nesting past the options' depth stops the reading and is told apart.</summary>
    private static JsonException? Scan(ReadOnlySpan<byte> utf8, JsonSerializerOptions options, bool isFinalBlock, out bool tooDeep)
    {
        tooDeep = false;
        var maxDepth = options.EffectiveMaxDepth();
        var reader = new Utf8JsonReader(utf8, isFinalBlock, new JsonReaderState(new JsonReaderOptions
        {
            // The reader's own limit is lifted so that nesting too deep is not reported as a syntax error.
            MaxDepth = int.MaxValue,
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling,
        }));
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject && reader.CurrentDepth >= maxDepth)
                {
                    tooDeep = true;
                    return null;
                }
            }

            return null;
        }
        catch (JsonException e)
        {
            return e;
        }
    }

    /// <summary>Follows the failure's path through the document and the type together, to say what the value there should be.</summary>
    private static string ShapeProblem(string? path, JsonElement root, JsonTypeInfo rootInfo, JsonSerializerOptions options)
    {
        if (Segments(path) is not { } segments)
        {
            return SomeFieldWrong;
        }

        var field = new StringBuilder();
        JsonTypeInfo? info = rootInfo;
        JsonElement? element = root;
        foreach (var (name, index) in segments)
        {
            if (name is null)
            {
                info = info?.ElementType is { } elementType ? options.GetTypeInfo(elementType) : null;
                element = element is { ValueKind: JsonValueKind.Array } array && index < array.GetArrayLength() ? array[index] : null;
                field.Append($"[{index}]");
                continue;
            }

            var property = info?.Kind == JsonTypeInfoKind.Object ? info.Properties.FirstOrDefault(p => Matches(p.Name, name, options)) : null;
            if (property is null)
            {
                return SomeFieldWrong;
            }

            info = options.GetTypeInfo(property.PropertyType);
            element = element is { } parent ? Property(parent, property.Name, options) : null;
            field.Append(field.Length > 0 ? "." : "").Append(property.Name);
        }

        var subject = field.Length == 0 ? "it" : $"field '{field}'";
        if (info is null || element is not { } value)
        {
            return $"{subject} holds a value of the wrong kind";
        }

        if (info.Kind == JsonTypeInfoKind.Object && value.ValueKind == JsonValueKind.Object)
        {
            // The value has the right kind, so what failed is a property it lacks.
            var missing = info.Properties.FirstOrDefault(p => p.IsRequired && Property(value, p.Name, options) is null);
            return missing is null
                ? $"{subject} holds a value of the wrong kind"
                : $"field '{(field.Length == 0 ? "" : field + ".")}{missing.Name}' is missing";
        }

        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type == typeof(string) && value.ValueKind == JsonValueKind.String)
        {
            // Text of the right kind fails only by its escapes: half a surrogate pair, say.
            return $"{subject} holds text that is not valid Unicode";
        }

        if (IsWholeNumber(type) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && Math.Floor(number) == number)
        {
            return $"{subject} is out of range: {Shown(value)}";
        }

        return Expected(info, type) is { } expected
            ? $"{subject} must be {expected}, not {Shown(value)}"
            : $"{subject} holds a value of the wrong kind ({Shown(value)})";
    }

    /// <summary>The path's property names and array indices ("$.lossHistory[1].step"); null for one of another form.</summary>
    private static List<(string? Name, int Index)>? Segments(string? path)
    {
        if (path is null || !path.StartsWith('$'))
        {
            return null;
        }

        var segments = new List<(string? Name, int Index)>();
        for (var i = 1; i < path.Length;)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add((path[(i + 1)..end], 0));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['") && path.IndexOf("']", i + 2, StringComparison.Ordinal) is var quoted and >= 0)
            {
                segments.Add((path[(i + 2)..quoted], 0));
                i = quoted + 2;
            }
            else if (path[i] == '[' && path.IndexOf(']', i) is var close and >= 0 && int.TryParse(path.AsSpan(i + 1, close - i - 1), out var index))
            {
                segments.Add((null, index));
                i = close + 1;
            }
            else
            {
                return null;
            }
        }

        return segments;
    }

    private static bool Matches(string declared, string found, JsonSerializerOptions options) =>
        string.Equals(declared, found, options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>The property's value as the serializer reads it: the last of its name.</summary>
    private static JsonElement? Property(JsonElement parent, string name, JsonSerializerOptions options)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement? found = null;
        foreach (var property in parent.EnumerateObject().Where(p => Matches(name, p.Name, options)))
        {
            found = property.Value;
        }

        return found;
    }

    private static string? Expected(JsonTypeInfo info, Type type) => info.Kind switch
    {
        JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
        JsonTypeInfoKind.Enumerable => "a list",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) => "text",
        _ when IsWholeNumber(type) => "a whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time such as 2025-01-31T12:00:00Z",
        _ => null,
    };

    /// <summary>The nesting the options allow: 64 when they leave it at 0.</summary>
    private static int EffectiveMaxDepth(this JsonSerializerOptions options) => options.MaxDepth == 0 ? 64 : options.MaxDepth;

    private static bool IsWholeNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);

    /// <summary>What the file holds there, in words; a number as written (digits cannot carry control characters), text never.</summary>
    private static string Shown(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => value.GetRawText() is { Length: <= MaxShownNumberLength } raw ? raw : "a long number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };
}
