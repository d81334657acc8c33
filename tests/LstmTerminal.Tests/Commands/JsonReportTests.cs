using System.Text.Json;
using LstmTerminal.Commands;

namespace LstmTerminal.Tests.Commands;

/// <summary>Every <c>--json</c> document is a typed record with <c>schemaVersion</c>, serialised by generated code.</summary>
public sealed class JsonReportTests : IDisposable
{
    private readonly TinyWorkspace _workspace = new();

    [Fact]
    public async Task EveryVerbsJson_StartsWithSchemaVersion1_AndKeepsItsFields()
    {
        // Given a trained tiny checkpoint
        var train = await CliRun.RunAsync(_workspace.Args("train", "--max-steps", "2", "--json"));

        // When every verb prints its JSON
        var runs = new Dictionary<string, (CliRun Run, string Field)>
        {
            ["train"] = (train, "stopReason"),
            ["eval"] = (await CliRun.RunAsync(_workspace.Args("eval", "--json")), "validationPerplexity"),
            ["generate"] = (await CliRun.RunAsync(_workspace.Args("generate", "thou art", "--words", "3", "--json")), "words"),
            ["generate --compare"] = (await CliRun.RunAsync(_workspace.Args("generate", "thou art", "--words", "3", "--compare", "--json")), "results"),
            ["suggest"] = (await CliRun.RunAsync(_workspace.Args("suggest", "thou art", "--json")), "tokens"),
            ["plugins"] = (await CliRun.RunAsync(_workspace.Args("plugins", "--json")), "plugins"),
            ["bench"] = (await CliRun.RunAsync(_workspace.Args("bench", "--steps", "1", "--json")), "trainTokensPerSecond"),
        };

        // Then each is one object whose first field is schemaVersion 1, with its documented fields kept
        foreach (var (verb, (run, field)) in runs)
        {
            Assert.True(run.ExitCode == 0, $"{verb} exited {run.ExitCode}: {run.Error}");
            var first = run.Json.EnumerateObject().First();
            Assert.Equal(("schemaVersion", 1), (first.Name, first.Value.GetInt32()));
            Assert.True(run.Json.TryGetProperty(field, out _), $"{verb} lost its field {field}");
        }
    }

    [Fact]
    public void EveryReportType_IsInTheGeneratedContext_SoNoneNeedsReflection()
    {
        // Given every --json document type of the app
        var reports = typeof(JsonReport).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(JsonReport)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(reports);

        // When each is serialised with nothing but the generated context's metadata (no reflection-based resolver)
        // Then the context knows it
        foreach (var type in reports)
        {
            Assert.True(JsonOutputContext.Default.GetTypeInfo(type) is not null, $"{type.Name} is missing from JsonOutputContext");
        }

        var json = JsonSerializer.Serialize(new EvalReport(1.5, 4.5, 2.1, null, 0.01, 7), JsonOutputContext.Default.EvalReport);
        Assert.Equal(1, JsonDocument.Parse(json).RootElement.GetProperty("schemaVersion").GetInt32());
    }

    public void Dispose() => _workspace.Dispose();
}
