using static TorchSharp.torch;
using LstmTerminal.Core.Model;

namespace LstmTerminal.Torch.Model;

/// <summary>The LSTM's hidden and cell state, <c>[Layers, Batch, RnnSize]</c> each; owns both tensors.</summary>
public sealed class LstmState(Tensor hidden, Tensor cell) : IDisposable
{
    public Tensor Hidden { get; } = hidden;

    public Tensor Cell { get; } = cell;

    /// <summary>A copy cut from the autograd graph that outlives the current dispose scope.</summary>
    public LstmState DetachToOuterScope() =>
        new(Hidden.detach().MoveToOuterDisposeScope(), Cell.detach().MoveToOuterDisposeScope());

    public void Dispose()
    {
        Hidden.Dispose();
        Cell.Dispose();
    }
}
