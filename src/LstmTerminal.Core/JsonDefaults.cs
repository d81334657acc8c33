using System.Text.Json;

namespace LstmTerminal.Core;

/// <summary>The one JSON shape used for every file the app writes: camelCase, indented, depth-limited.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        MaxDepth = 16,
    };
}
