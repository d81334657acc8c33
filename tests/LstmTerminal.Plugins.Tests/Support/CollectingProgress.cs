namespace LstmTerminal.Plugins.Tests.Support;

/// <summary>Records progress synchronously; Progress&lt;T&gt; would post to a thread pool and race the assertions.</summary>
internal sealed class CollectingProgress<T> : IProgress<T>
{
    private readonly List<T> _reports = [];

    public IReadOnlyList<T> Reports
    {
        get { lock (_reports) { return [.. _reports]; } }
    }

    public void Report(T value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}
