using System.Diagnostics;

namespace LstmTerminal.Tests.Commands;

/// <summary>
/// The real app in a child process, with the dynamic loader logging every library it maps (<c>LD_DEBUG=files</c>):
/// an in-process run cannot tell, since this test process has loaded libtorch long before.
/// </summary>
public sealed class NativeLibraryLoadTests
{
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("generate", false)]
    [InlineData("eval", true)]
    public async Task Libtorch_IsMapped_OnlyByVerbsThatNeedTensors(string verb, bool mapsLibtorch)
    {
        // Given a trained checkpoint
        using var workspace = new TinyWorkspace();
        Assert.Equal(0, (await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2"))).ExitCode);
        string[] args = verb == "generate" ? ["generate", "thou art", "--words", "3", "--sampler", "greedy"] : [verb];

        // When the verb runs in a fresh process
        var log = Path.Combine(workspace.Root, "ld");
        var exitCode = await RunAppAsync(workspace.Args(args), ("LD_DEBUG", "files"), ("LD_DEBUG_OUTPUT", log));

        // Then libtorch was mapped only if the verb needs it
        Assert.Equal(0, exitCode);
        var mapped = string.Concat(Directory.GetFiles(workspace.Root, "ld.*").Select(File.ReadAllText));
        Assert.Contains("libhostfxr.so", mapped);
        Assert.Equal(mapsLibtorch, mapped.Contains("libtorch_cpu.so", StringComparison.Ordinal));
    }

    private static async Task<int> RunAppAsync(string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lstm-terminal.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(output, error);
        return process.ExitCode;
    }
}
