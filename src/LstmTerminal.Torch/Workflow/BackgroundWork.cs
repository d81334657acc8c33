namespace LstmTerminal.Torch.Workflow;

/// <summary>The tasks a session starts (opening, training runs), so that stopping can wait for all of them.</summary>
internal sealed class BackgroundWork
{
    private readonly Lock _gate = new();
    private Task _all = Task.CompletedTask;

    /// <summary>Runs <paramref name="work"/> on the thread pool, never inline, so a caller holding a lock cannot be re-entered.</summary>
    public void Start(Func<Task> work)
    {
        var task = Task.Run(work);
        lock (_gate)
        {
            _all = Task.WhenAll(_all, task);
        }
    }

    /// <summary>Waits until no work is left, including work started by the work it waited for.</summary>
    public async Task IdleAsync()
    {
        while (true)
        {
            Task all;
            lock (_gate)
            {
                all = _all;
            }

            await all.ConfigureAwait(false);
            lock (_gate)
            {
                if (ReferenceEquals(all, _all))
                {
                    return;
                }
            }
        }
    }
}
