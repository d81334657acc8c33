using System.Runtime.InteropServices;
using LstmTerminal.Torch.Training;
using Xunit.Abstractions;

namespace LstmTerminal.Torch.Tests.Training;

[Collection(ProcessMemoryCollection.Name)]
public sealed class NativeHeapTests(ITestOutputHelper output)
{
    private const int Blocks = 512;
    private const int BlockBytes = 64 * 1024;

    [SkippableFact]
    public void ReleaseFreeMemory_HandsFreedHeapPagesBackToTheSystem()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "malloc_trim is glibc's");

        // Given 32 MB of small blocks written and freed below one that stays, which glibc keeps for reuse
        var filled = new byte[BlockBytes];
        Array.Fill(filled, (byte)1);
        var blocks = new nint[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(BlockBytes);
            Marshal.Copy(filled, 0, blocks[i], BlockBytes);
        }

        var kept = Marshal.AllocHGlobal(BlockBytes);
        foreach (var block in blocks)
        {
            Marshal.FreeHGlobal(block);
        }

        // When the free memory is released
        var before = WorkingSet.Megabytes();
        NativeHeap.ReleaseFreeMemory();
        var after = WorkingSet.Megabytes();
        Marshal.FreeHGlobal(kept);

        // Then most of it left the working set
        output.WriteLine($"working set {before:F1} MB before the release, {after:F1} MB after");
        Assert.True(before - after > 16, $"the working set went from {before:F1} MB to {after:F1} MB");
    }
}
