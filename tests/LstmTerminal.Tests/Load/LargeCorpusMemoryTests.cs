using System.Text.Json;
using LstmTerminal.Tests.Support;
using Xunit.Abstractions;

namespace LstmTerminal.Tests.Load;

/// <summary>
/// A 100 MB corpus is read, tokenised and batched within a few times its size. The app's own <c>bench</c> reports
/// the process's peak working set; the same run on the small test corpus is the baseline (runtime, libtorch,
/// model), so the difference is what the text costs.
/// </summary>
public sealed class LargeCorpusMemoryTests(ITestOutputHelper output)
{
    private const int Copies = 95;
    private const int SmallCorpusMinWordFrequency = 300;

    [Fact]
    public async Task A100MegabyteCorpus_PeaksWithinEightTimesItsSize_AboveTheBaseline()
    {
        using var temp = new TempDirectory();
        var small = SharedData.TinyShakespeare;
        var large = temp.Combine("large.txt");
        await using (var target = File.Create(large))
        {
            for (var i = 0; i < Copies; i++)
            {
                await using var source = File.OpenRead(small);
                await source.CopyToAsync(target);
            }
        }

        var textMb = new FileInfo(large).Length / (1024.0 * 1024.0);
        // Counts grow with the copies, so the scaled threshold gives both runs the same vocabulary and model.
        var baseline = await PeakWorkingSetMbAsync(small, SmallCorpusMinWordFrequency, temp.Combine("small-ckpt"));
        var peak = await PeakWorkingSetMbAsync(large, SmallCorpusMinWordFrequency * Copies, temp.Combine("large-ckpt"));

        output.WriteLine($"text {textMb:F0} MB: peak working set {peak:F0} MB, baseline {baseline:F0} MB, difference {(peak - baseline) / textMb:F1}x the text");
        Assert.True(peak - baseline < 8 * textMb, $"peak {peak:F0} MB is more than 8x the {textMb:F0} MB text above the {baseline:F0} MB baseline");
    }

    private static async Task<double> PeakWorkingSetMbAsync(string corpus, int minWordFrequency, string checkpoints)
    {
        var (exitCode, json, error) = await AppProcess.RunAsync(
        [
            "bench", "--corpus-path", corpus, "--steps", "1", "--json",
            $"--Vocabulary:MinWordFrequency={minWordFrequency}", $"--Training:CheckpointDirectory={checkpoints}", $"--Logging:Directory={checkpoints}-logs",
        ]);
        Assert.True(exitCode == 0, $"bench failed: {error}");
        return JsonDocument.Parse(json).RootElement.GetProperty("peakWorkingSetMb").GetDouble();
    }
}
