namespace LstmTerminal.Core.Workflow;

/// <summary>Reports on the reporting thread, unlike <see cref="Progress{T}"/>, so events keep their order.</summary>
public sealed class CallbackProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
