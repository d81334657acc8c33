using LstmTerminal.Core.Data;

namespace LstmTerminal.Core.Tests.Data;

public sealed class StreamLayoutTests
{
    [Fact]
    public void Layout_NamesTheSettingsToChange_WhenTheTextIsSmallerThanOneBatch()
    {
        var error = Assert.Throws<InsufficientDataException>(() => StreamLayout.For(100, streams: 10, windowLength: 50));

        Assert.Contains("Training:BatchSize", error.Message);
        Assert.Contains("Training:SequenceLength", error.Message);
    }
}
