namespace LstmTerminal.Core;

/// <summary>Reports on the calling thread, in order, unlike <see cref="Progress{T}"/> which posts to a context.</summary>
public sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
