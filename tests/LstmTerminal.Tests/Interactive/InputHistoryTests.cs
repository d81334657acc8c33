using LstmTerminal.Interactive;

namespace LstmTerminal.Tests.Interactive;

public sealed class InputHistoryTests
{
    [Fact]
    public void Previous_walks_back_to_the_oldest_and_Next_past_the_newest_gives_an_empty_line()
    {
        var history = new InputHistory();
        history.Add("a");
        history.Add("b");
        history.Add("b");

        Assert.Equal("b", history.Previous());
        Assert.Equal("a", history.Previous());
        Assert.Equal("a", history.Previous());
        Assert.Equal("b", history.Next());
        Assert.Equal(string.Empty, history.Next());
    }

    [Fact]
    public void An_empty_history_recalls_nothing()
    {
        var history = new InputHistory();

        Assert.Null(history.Previous());
        Assert.Null(history.Next());
    }
}
