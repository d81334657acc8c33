using System.Globalization;
using LstmTerminal.Core.Training;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// The machine's memory from <c>/proc/meminfo</c>. Not the GC's <c>TotalAvailableMemoryBytes</c>: the app caps its
/// managed heap at half of it, and libtorch's tensors live outside that heap.
/// </summary>
public static class PhysicalMemory
{
    /// <summary>Total bytes, or null where the system does not say (not Linux).</summary>
    public static long? TotalBytes()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
            return long.TryParse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value * 1024 : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
