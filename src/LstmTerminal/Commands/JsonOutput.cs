using System.Text.Json;
using System.Text.Json.Serialization;

namespace LstmTerminal.Commands;

/// <summary>The one-object-on-stdout format of <c>--json</c>: a <see cref="JsonReport"/>, serialised by generated code.</summary>
public static class JsonOutput
{
    public static void Write<T>(TextWriter output, T report)
        where T : JsonReport
    {
        var typeInfo = JsonOutputContext.Default.GetTypeInfo(typeof(T))
                       ?? throw new InvalidOperationException($"{typeof(T).Name} is missing from {nameof(JsonOutputContext)}.");
        output.WriteLine(JsonSerializer.Serialize(report, typeInfo));
    }
}

/// <summary>Serialisation code for every <c>--json</c> document, generated at build time (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TrainReport))]
[JsonSerializable(typeof(EvalReport))]
[JsonSerializable(typeof(GenerateReport))]
[JsonSerializable(typeof(DuelJsonReport))]
[JsonSerializable(typeof(SuggestReport))]
[JsonSerializable(typeof(PluginsReport))]
[JsonSerializable(typeof(BenchJsonReport))]
public sealed partial class JsonOutputContext : JsonSerializerContext;
