using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Tests.Support;
using Xunit.Abstractions;

namespace LstmTerminal.Core.Tests.Load;

/// <summary>Memory stays flat over long runs of completions: nothing accumulates per word.</summary>
[Collection(ProcessMemoryCollection.Name)]
public sealed class FlatMemoryTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void TenThousandCompletions_KeepTheWorkingSetFlat()
    {
        var trained = new TrainedModel();
        var generator = trained.CreateGenerator();
        var prime = generator.Encode("thou art more");
        var sampler = new ArgMaxSampler();
        double atThousand = 0;

        for (var i = 1; i <= 10_000; i++)
        {
            var words = generator.Continue(prime, sampler, new SamplingSettings { Words = 10, Temperature = 1.0, Seed = i }).Count();
            Assert.Equal(10, words);
            if (i == 1_000)
            {
                atThousand = WorkingSet.Megabytes();
            }
        }

        var atTenThousand = WorkingSet.Megabytes();
        output.WriteLine($"working set after 1,000 completions: {atThousand:F1} MB; after 10,000: {atTenThousand:F1} MB");
        Assert.True(atTenThousand < atThousand * 1.05 + 5, $"grew from {atThousand:F1} MB to {atTenThousand:F1} MB");
    }
}
