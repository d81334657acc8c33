using System.Globalization;
using System.Text.Json;
using LstmTerminal.Tests.Commands;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Faults;

/// <summary>
/// A sampler that allocates without end in one call meets the app's GC heap cap as an OutOfMemoryException on its own
/// thread; the app names it, finishes with greedy and exits 0. Runs the built app, since the cap is the app's runtime
/// setting, not the test host's.
/// </summary>
public sealed class RunawayAllocationTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    // Small enough to reach in a blink, large enough for the app itself (it starts in under 10 MB of managed heap).
    // At 96 MB the runtime itself crashed (SIGSEGV, no output) in 3 of 10 runs once one more plugin folder was loaded,
    // a sampler as much as the tokenizers; at 128 MB none of 30 runs did, until the app grew (typed JSON, validation at
    // start, the console's strip and game) and a clean-clone CI run crashed there once.
    private const int HeapLimitMb = 256;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_memory_bomb_sampler_is_stopped_by_the_heap_cap_and_greedy_finishes_the_text()
    {
        // Given the app under a small heap limit, with a sampler that allocates until refused
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path, HostilePlugins.MemoryBomb);

        // When it completes a phrase with that sampler
        var (exitCode, output, error) = await AppProcess.RunAsync(
            [.. trained.Workspace.Args("generate", "thou art more", "--sampler", HostilePlugins.MemoryBomb, "--words", "4", "--seed", "5", "--json"), $"--Plugins:Directory={plugins}"],
            [("DOTNET_GCHeapHardLimit", (HeapLimitMb << 20).ToString("x", CultureInfo.InvariantCulture))]);

        // Then it names the sampler and the switch, and greedy writes the words
        Assert.True(exitCode == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("lovely and more temperate", json.GetProperty("text").GetString());
        Assert.Equal("greedy", json.GetProperty("sampler").GetString());
        Assert.StartsWith("warning: The sampler 'memory-bomb' ran out of memory: held MB: ", error.Trim());
        Assert.EndsWith("Switched to 'greedy'.", error.Trim());

        // And the limit from the environment, not the runtimeconfig's share of the machine, is the one that stopped it
        var held = int.Parse(error.Trim().Split("held MB: ")[1].Split('.')[0], CultureInfo.InvariantCulture);
        Assert.InRange(held, 1, HeapLimitMb);
    }

    [Fact]
    public void The_app_caps_its_managed_heap_at_half_the_memory()
    {
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "lstm-terminal.runtimeconfig.json"))).RootElement;

        var percent = config.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.GC.HeapHardLimitPercent").GetInt32();

        Assert.Equal(50, percent);
    }
}
