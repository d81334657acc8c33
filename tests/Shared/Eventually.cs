namespace LstmTerminal.Testing;

/// <summary>Waits, within a bound, for work that another thread finishes (a completion, a training run).</summary>
internal static class Eventually
{
    public static void True(Func<bool> condition, string what, int timeoutSeconds = 30) =>
        Assert.True(SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(timeoutSeconds)), $"Timed out after {timeoutSeconds} s waiting for {what}.");
}
