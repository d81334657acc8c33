using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Core;

/// <summary>The one JSON shape used for every file the app writes: camelCase, indented, depth-limited.</summary>
public static class JsonDefaults
{
    /// <summary>
    /// Reads and writes the types listed on <see cref="JsonFilesContext"/> with code generated at build time, any other
    /// (an <see cref="Checkpoints.AtomicFolder"/> manifest of another shape) through reflection.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonFilesContext.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(JsonFilesContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}

/// <summary>
/// Serialisation code for the files written with <see cref="JsonDefaults"/>, generated at build time: read through
/// reflection, the first manifest cost <c>generate</c> some 300 methods to compile on its way to the first token.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    MaxDepth = 16,
    // A diverged validation is recorded as it was: "Infinity" and "NaN" as strings, which plain JSON lacks as numbers.
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(CheckpointManifest))]
public sealed partial class JsonFilesContext : JsonSerializerContext;
