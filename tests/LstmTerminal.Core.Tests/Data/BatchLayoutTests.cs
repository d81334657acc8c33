using LstmTerminal.Core.Data;

namespace LstmTerminal.Core.Tests.Data;

public sealed class BatchLayoutTests
{
    [Fact]
    public void For_NamesTheSettingsToChange_WhenTheTextIsSmallerThanOneBatch()
    {
        var error = Assert.Throws<InsufficientDataException>(() => BatchLayout.For(100, batchSize: 10, sequenceLength: 50));

        Assert.Contains("Training:BatchSize", error.Message);
        Assert.Contains("Training:SequenceLength", error.Message);
    }
}
