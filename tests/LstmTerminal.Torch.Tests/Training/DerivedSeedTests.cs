using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

public sealed class DerivedSeedTests
{
    [Fact]
    public void Of_IsTheSameInEveryProcess()
    {
        // Then a seed derived in another process is this one: a per-process salted hash (HashCode) would differ from run to run
        Assert.Equal(DerivedSeedFromAnotherProcess, DerivedSeed.Of(7, 123, SeedPurpose.Dropout));
    }

    [Fact]
    public void Of_SeparatesSeedsPositionsAndPurposes()
    {
        // Given two seeds, a hundred positions and every purpose
        var seeds = new HashSet<int>();
        foreach (var seed in new[] { 1, 2 })
        {
            for (var position = 0; position < 100; position++)
            {
                foreach (var purpose in Enum.GetValues<SeedPurpose>())
                {
                    seeds.Add(DerivedSeed.Of(seed, position, purpose));
                }
            }
        }

        // Then each derives a seed of its own
        Assert.Equal(2 * 100 * Enum.GetValues<SeedPurpose>().Length, seeds.Count);
    }

    private const int DerivedSeedFromAnotherProcess = 1737159237;
}
