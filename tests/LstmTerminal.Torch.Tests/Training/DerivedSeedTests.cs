using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

public sealed class DerivedSeedTests
{
    [Fact]
    public void Of_IsTheSameInEveryProcess()
    {
        // A literal pins the value: a per-process salted hash (HashCode) would differ from run to run of the tests.
        Assert.Equal(DerivedSeedFromAnotherProcess, DerivedSeed.Of(7, 123, SeedPurpose.Dropout));
    }

    [Fact]
    public void Of_SeparatesSeedsPositionsAndPurposes()
    {
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

        Assert.Equal(2 * 100 * Enum.GetValues<SeedPurpose>().Length, seeds.Count);
    }

    private const int DerivedSeedFromAnotherProcess = 1737159237;
}
