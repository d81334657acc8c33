using LstmTerminal.Core.Data;

namespace LstmTerminal.Core.Tests.Data;

public sealed class BatchLayoutTests
{
    [Fact]
    public void For_NamesTheSettingsToChange_WhenTheTextIsSmallerThanOneBatch()
    {
        // When 100 tokens are laid out in batches of 10 rows of 50
        var error = Assert.Throws<InsufficientDataException>(() => BatchLayout.For(100, batchSize: 10, sequenceLength: 50));

        // Then the error names the settings to lower
        Assert.Contains("Training:BatchSize", error.Message);
        Assert.Contains("Training:SequenceLength", error.Message);
    }
}
