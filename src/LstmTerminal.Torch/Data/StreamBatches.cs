using static TorchSharp.torch;
using LstmTerminal.Core.Data;

namespace LstmTerminal.Torch.Data;

/// <summary>
/// The rows of one pass over a token stream as one <c>[Streams, Windows * WindowLength + 1]</c> int32 tensor:
/// a window's targets are its inputs shifted by one token, so both are views of the same rows, and 32-bit ids
/// keep a large corpus at a quarter of the memory of separate 64-bit input and target copies.
/// </summary>
public sealed class StreamBatches : IDisposable
{
    private readonly Tensor _rows;

    public StreamBatches(ReadOnlySpan<int> tokens, StreamLayout layout, int offset)
    {
        if (offset < 0 || offset > layout.Slack)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"The offset must be between 0 and {layout.Slack}.");
        }

        Layout = layout;
        var width = layout.Windows * layout.WindowLength + 1;
        var rows = new int[layout.Streams * width];
        for (var row = 0; row < layout.Streams; row++)
        {
            tokens.Slice(row * layout.RowLength + offset, width).CopyTo(rows.AsSpan(row * width, width));
        }

        // Lives as long as this object, whatever dispose scope the caller is in.
        _rows = tensor(rows, [layout.Streams, width]).DetachFromDisposeScope();
    }

    public StreamLayout Layout { get; }

    /// <summary>Window <paramref name="index"/> as int64 ids (what embedding and loss take), in the caller's dispose scope.</summary>
    public (Tensor Inputs, Tensor Targets) Window(int index)
    {
        var window = _rows.narrow(1, index * Layout.WindowLength, Layout.WindowLength + 1).to(ScalarType.Int64);
        return (window.narrow(1, 0, Layout.WindowLength), window.narrow(1, 1, Layout.WindowLength));
    }

    public void Dispose() => _rows.Dispose();
}
