namespace LstmTerminal.TestPlugins.BlockingPlugin;

/// <summary>Blocks like a plugin stuck on a lock nobody releases; it costs a parked thread, not a busy core.</summary>
internal static class NeverReleased
{
    private static readonly SemaphoreSlim Semaphore = new(0);

    public static void Wait() => Semaphore.Wait();
}
