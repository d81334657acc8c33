using LstmTerminal.Core.Training;
namespace LstmTerminal.Torch.Training;

/// <summary>What a derived seed is for, so different draws at the same step are independent.</summary>
internal enum SeedPurpose
{
    EpochOffset = 1,
    Dropout = 2,
    NoiseWords = 3,
}

/// <summary>
/// Seeds derived from the run's seed and a position in it. <see cref="HashCode"/> is salted per process, so it would
/// give a run resumed in another process other dropout noise and other batches; this mix (SplitMix64's finaliser)
/// is the same everywhere.
/// </summary>
internal static class DerivedSeed
{
    public static int Of(int seed, long position, SeedPurpose purpose)
    {
        var x = unchecked(((ulong)(uint)seed << 32) ^ (ulong)position ^ ((ulong)purpose << 56));
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (int)(x & int.MaxValue);
    }
}
