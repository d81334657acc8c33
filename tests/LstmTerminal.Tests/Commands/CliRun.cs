using System.Text.Json;
using LstmTerminal.Commands;

namespace LstmTerminal.Tests.Commands;

/// <summary>The outcome of one in-process run of the command line, with stdout and stderr captured.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await new CliApplication(output, error).RunAsync(args, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
