using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.MemoryBombSampler;

public sealed class MemoryBombSampler : ISampler
{
    public const string HeldPrefix = "held MB: ";

    private const int ChunkBytes = 1 << 20;

    public string Name => "memory-bomb";

    public string Description => "Allocates without end in one call.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        var hoard = new List<byte[]>();
        try
        {
            while (true)
            {
                hoard.Add(new byte[ChunkBytes]);
            }
        }
        catch (OutOfMemoryException e)
        {
            // Say how far it got, so a test can tell which heap limit stopped it; drop the hoard first so the
            // message itself can be allocated.
            var held = hoard.Count;
            hoard.Clear();
            throw new OutOfMemoryException($"{HeldPrefix}{held}", e);
        }
    }
}
