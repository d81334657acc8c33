using LstmTerminal.Core.Data;
using static TorchSharp.torch;
using LstmTerminal.Torch.Data;

namespace LstmTerminal.Torch.Tests.Data;

public sealed class StreamBatchesTests
{
    private static readonly int[] Tokens = Enumerable.Range(0, 23).ToArray();

    [Fact]
    public void Targets_AreTheNextTokenOfTheRunningText_WithoutWrapAround()
    {
        // Given 23 tokens, 2 streams of windows of 5: rows of 11 tokens, 2 windows each
        var layout = StreamLayout.For(Tokens.Length, streams: 2, windowLength: 5);
        using var batches = new StreamBatches(Tokens, layout, offset: 0);

        // When the second window is read
        using var scope = NewDisposeScope();
        var (inputs, targets) = batches.Window(1);

        // Then rows continue their own stretch of text and targets are shifted by one
        Assert.Equal(new long[] { 5, 6, 7, 8, 9, 16, 17, 18, 19, 20 }, inputs.data<long>().ToArray());
        Assert.Equal(new long[] { 6, 7, 8, 9, 10, 17, 18, 19, 20, 21 }, targets.data<long>().ToArray());
    }

    [Fact]
    public void Offset_ShiftsEveryRow_AndStaysInsideTheData()
    {
        var layout = StreamLayout.For(Tokens.Length, streams: 2, windowLength: 5);
        using var batches = new StreamBatches(Tokens, layout, offset: layout.Slack);
        using var scope = NewDisposeScope();

        var (_, targets) = batches.Window(layout.Windows - 1);

        Assert.Equal(22, targets.max().item<long>());
    }
}
