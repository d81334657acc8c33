using LstmTerminal.Core.Data;

namespace LstmTerminal.Core.Tests.Data;

public sealed class TokenSplitTests
{
    [Fact]
    public void FromTail_TakesValidationFromTheEnd()
    {
        var split = TokenSplit.FromTail(Enumerable.Range(0, 10).ToArray(), 0.2);

        Assert.Equal(Enumerable.Range(0, 8), split.Training);
        Assert.Equal([8, 9], split.Validation);
    }
}
