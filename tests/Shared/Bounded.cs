namespace LstmTerminal.Testing;

/// <summary>For calls that used to block (a FIFO read) or run for minutes: the test fails instead of hanging.</summary>
internal static class Bounded
{
    private static readonly TimeSpan HangDeadline = TimeSpan.FromSeconds(60);

    /// <summary>Asserts that <paramref name="action"/> throws <typeparamref name="T"/>; a <see cref="TimeoutException"/> if it has not returned by the deadline.</summary>
    public static Task<T> ThrowsAsync<T>(Action action)
        where T : Exception =>
        Task.Run(() => Assert.Throws<T>(action)).WaitAsync(HangDeadline);

    /// <summary>The result of <paramref name="work"/>; a <see cref="TimeoutException"/> if it has not returned by the deadline.</summary>
    public static Task<T> RunAsync<T>(Func<T> work) => Task.Run(work).WaitAsync(HangDeadline);
}
