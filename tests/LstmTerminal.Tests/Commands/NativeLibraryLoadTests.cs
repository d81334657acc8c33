using LstmTerminal.Tests.Support;

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
        var (exitCode, _, _) = await AppProcess.RunAsync(workspace.Args(args), [("LD_DEBUG", "files"), ("LD_DEBUG_OUTPUT", log)]);

        // Then libtorch was mapped only if the verb needs it
        Assert.Equal(0, exitCode);
        var mapped = string.Concat(Directory.GetFiles(workspace.Root, "ld.*").Select(File.ReadAllText));
        Assert.Contains("libhostfxr.so", mapped);
        Assert.Equal(mapsLibtorch, mapped.Contains("libtorch_cpu.so", StringComparison.Ordinal));
    }
}
