using System.Text.Json;
using System.Text.Json.Serialization;

namespace LstmTerminal.Core;

/// <summary>The one JSON shape used for every file the app writes: camelCase, indented, depth-limited.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        MaxDepth = 16,
        // A diverged validation is recorded as it was: "Infinity" and "NaN" as strings, which plain JSON lacks as numbers.
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
