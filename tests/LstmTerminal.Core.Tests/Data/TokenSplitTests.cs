using LstmTerminal.Core.Data;

namespace LstmTerminal.Core.Tests.Data;

public sealed class TokenSplitTests
{
    [Fact]
    public void FromTail_TakesValidationFromTheEnd()
    {
        // When ten tokens are split with a fifth for validation
        var split = TokenSplit.FromTail(Enumerable.Range(0, 10).ToArray(), 0.2);

        // Then the last two validate
        Assert.Equal(Enumerable.Range(0, 8), split.Training);
        Assert.Equal([8, 9], split.Validation);
    }
}
