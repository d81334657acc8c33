using static TorchSharp.torch;
using LstmTerminal.Core.Data;

namespace LstmTerminal.Torch.Data;

/// <summary>
/// The batches of one pass over a token sequence, as one <c>[BatchSize, StepsPerEpoch * SequenceLength + 1]</c> int32
/// tensor of the layout's rows: a step's targets are its inputs shifted by one token, so both are views of the same
/// rows, and 32-bit ids keep a large corpus at a quarter of the memory of separate 64-bit input and target copies.
/// </summary>
public sealed class TokenBatches : IDisposable
{
    private readonly Tensor _rows;

    public TokenBatches(ReadOnlySpan<int> tokens, BatchLayout layout, int offset)
    {
        if (offset < 0 || offset > layout.Slack)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"The offset must be between 0 and {layout.Slack}.");
        }

        Layout = layout;
        var width = layout.StepsPerEpoch * layout.SequenceLength + 1;
        var rows = new int[layout.BatchSize * width];
        for (var row = 0; row < layout.BatchSize; row++)
        {
            tokens.Slice(row * layout.RowLength + offset, width).CopyTo(rows.AsSpan(row * width, width));
        }

        // Lives as long as this object, whatever dispose scope the caller is in.
        _rows = tensor(rows, [layout.BatchSize, width]).DetachFromDisposeScope();
    }

    public BatchLayout Layout { get; }

    /// <summary>The batch of step <paramref name="stepInEpoch"/> as int64 ids (what embedding and loss take), in the caller's dispose scope.</summary>
    public (Tensor Inputs, Tensor Targets) Batch(int stepInEpoch)
    {
        var batch = _rows.narrow(1, stepInEpoch * Layout.SequenceLength, Layout.SequenceLength + 1).to(ScalarType.Int64);
        return (batch.narrow(1, 0, Layout.SequenceLength), batch.narrow(1, 1, Layout.SequenceLength));
    }

    public void Dispose() => _rows.Dispose();
}
