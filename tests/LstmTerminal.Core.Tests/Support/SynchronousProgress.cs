namespace LstmTerminal.Core.Tests.Support;

/// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so tests see every event in order.</summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
