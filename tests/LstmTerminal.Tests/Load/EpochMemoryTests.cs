using System.Globalization;
using System.Text.RegularExpressions;
using LstmTerminal.Tests.Support;
using Xunit.Abstractions;

namespace LstmTerminal.Tests.Load;

/// <summary>
/// The app's own process over several epochs of the recipe: the working set `train` prints after each validation (read
/// on the trainer's thread, so every epoch is read at the same point) stays where the first epoch left it. In-process
/// runs cannot show this: the test host's other threads and arenas change how glibc keeps freed memory.
/// </summary>
public sealed partial class EpochMemoryTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Train_KeepsTheWorkingSetFlat_FromTheFirstEpochToTheFourth()
    {
        // Given the recipe (100 x 50 windows, 128/128) on tinyshakespeare, without the samples: their weight copies on
        // the managed heap come and go with the garbage collector and would blur the reading by up to 15 MB
        using var temp = new TempDirectory();

        // When it trains for four epochs (about two minutes on a quiet machine; the limit only bounds a hang on a busy one)
        var (exitCode, _, error) = await AppProcess.RunAsync(
            [
                "train", "--corpus", "text-file", "--corpus-path", SharedData.TinyShakespeare, "--epochs", "4", "--seed", "1", "--Training:EvalEvery=1000000",
                $"--Training:CheckpointDirectory={temp.Combine("ckpt")}", $"--Logging:Directory={temp.Combine("logs")}",
            ],
            // The garbage collector's first generation grows to about the L3 cache (32 MB here) before it is collected,
            // so where in that cycle a reading falls moved it by up to 35 MB; capped, the reading shows what libtorch and
            // glibc keep, which is what this test is about.
            environment: [("DOTNET_GCgen0MaxBudget", "0x400000")],
            timeLimit: TimeSpan.FromMinutes(20));

        // Then the working set after epoch 4 is within 10 % of the one after epoch 1 (it grew by about a quarter while
        // glibc kept the freed tensors)
        Assert.True(exitCode == 0, error);
        var afterEpoch = WorkingSetLine().Matches(error).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        output.WriteLine($"working set after each epoch: {string.Join(", ", afterEpoch.Select(mb => $"{mb:F0} MB"))}");
        Assert.Equal(4, afterEpoch.Count);
        Assert.True(afterEpoch[^1] < afterEpoch[0] * 1.10, $"grew from {afterEpoch[0]:F0} MB after epoch 1 to {afterEpoch[^1]:F0} MB after epoch 4");
    }

    [GeneratedRegex(@"^epoch \d+ validation .* working set (\d+) MB$", RegexOptions.Multiline)]
    private static partial Regex WorkingSetLine();
}
