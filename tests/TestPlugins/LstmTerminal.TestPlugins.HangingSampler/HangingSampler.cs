using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.HangingSampler;

public sealed class HangingSampler : ISampler
{
    // Blocks like a plugin stuck on a lock nobody releases; it costs a parked thread, not a busy core.
    private readonly SemaphoreSlim _neverReleased = new(0);

    public string Name => "hangs";

    public string Description => "Never answers.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        _neverReleased.Wait();
        return 1;
    }
}
