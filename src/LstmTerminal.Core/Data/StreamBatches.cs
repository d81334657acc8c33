using static TorchSharp.torch;

namespace LstmTerminal.Core.Data;

/// <summary>
/// The inputs and targets of one pass over a token stream as two <c>[Streams, Windows * WindowLength]</c>
/// tensors; <see cref="Window"/> slices one <c>[Streams, WindowLength]</c> batch without copying.
/// </summary>
public sealed class StreamBatches : IDisposable
{
    private readonly Tensor _inputs;
    private readonly Tensor _targets;

    public StreamBatches(ReadOnlySpan<int> tokens, StreamLayout layout, int offset)
    {
        if (offset < 0 || offset > layout.Slack)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"The offset must be between 0 and {layout.Slack}.");
        }

        Layout = layout;
        var width = layout.Windows * layout.WindowLength;
        var inputs = new long[layout.Streams * width];
        var targets = new long[inputs.Length];
        for (var row = 0; row < layout.Streams; row++)
        {
            var start = row * layout.RowLength + offset;
            for (var column = 0; column < width; column++)
            {
                inputs[row * width + column] = tokens[start + column];
                targets[row * width + column] = tokens[start + column + 1];
            }
        }

        // Lives as long as this object, whatever dispose scope the caller is in.
        _inputs = tensor(inputs, [layout.Streams, width], ScalarType.Int64).DetachFromDisposeScope();
        _targets = tensor(targets, [layout.Streams, width], ScalarType.Int64).DetachFromDisposeScope();
    }

    public StreamLayout Layout { get; }

    /// <summary>Views of window <paramref name="index"/>; they belong to the caller's dispose scope.</summary>
    public (Tensor Inputs, Tensor Targets) Window(int index)
    {
        var start = index * Layout.WindowLength;
        return (_inputs.narrow(1, start, Layout.WindowLength), _targets.narrow(1, start, Layout.WindowLength));
    }

    public void Dispose()
    {
        _inputs.Dispose();
        _targets.Dispose();
    }
}
