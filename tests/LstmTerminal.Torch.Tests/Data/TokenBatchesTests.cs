using LstmTerminal.Core.Data;
using static TorchSharp.torch;
using LstmTerminal.Torch.Data;

namespace LstmTerminal.Torch.Tests.Data;

public sealed class TokenBatchesTests
{
    private static readonly int[] Tokens = Enumerable.Range(0, 23).ToArray();

    [Fact]
    public void Batch_TargetsTheNextTokenOfTheRunningText_WithoutWrapAround()
    {
        // Given 23 tokens in 2 rows of 11, read 5 tokens per step: 2 steps an epoch
        var layout = BatchLayout.For(Tokens.Length, batchSize: 2, sequenceLength: 5);
        using var batches = new TokenBatches(Tokens, layout, offset: 0);

        // When the second step's batch is read
        using var scope = NewDisposeScope();
        var (inputs, targets) = batches.Batch(1);

        // Then rows continue their own stretch of text and targets are shifted by one
        Assert.Equal(new long[] { 5, 6, 7, 8, 9, 16, 17, 18, 19, 20 }, inputs.data<long>().ToArray());
        Assert.Equal(new long[] { 6, 7, 8, 9, 10, 17, 18, 19, 20, 21 }, targets.data<long>().ToArray());
    }

    [Fact]
    public void Batch_ShiftsEveryRowByTheOffset_AndStaysInsideTheData()
    {
        // Given the rows shifted by all their slack
        var layout = BatchLayout.For(Tokens.Length, batchSize: 2, sequenceLength: 5);
        using var batches = new TokenBatches(Tokens, layout, offset: layout.Slack);
        using var scope = NewDisposeScope();

        // When the epoch's last batch is read
        var (_, targets) = batches.Batch(layout.StepsPerEpoch - 1);

        // Then its last target is the text's last token
        Assert.Equal(22, targets.max().item<long>());
    }
}
