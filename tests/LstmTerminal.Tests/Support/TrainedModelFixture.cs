namespace LstmTerminal.Tests.Support;

/// <summary>One tiny model trained enough to continue "thou art more" with corpus words, shared by a test class.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TinyModel Model { get; } = new(steps: 150);

    public void Dispose() => Model.Dispose();
}
