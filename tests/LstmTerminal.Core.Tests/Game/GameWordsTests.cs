using LstmTerminal.Core.Game;

namespace LstmTerminal.Core.Tests.Game;

public sealed class GameWordsTests
{
    [Theory]
    [InlineData("  Art! ", "Art")]
    [InlineData("o'er,", "o'er")]
    [InlineData("--self-same;", "self-same")]
    [InlineData("!?", "")]
    public void Core_DropsTheSpacesAndPunctuationAround_AWord(string text, string core) =>
        Assert.Equal(core, GameWords.Core(text));

    [Theory]
    [InlineData(" thou", null)]
    [InlineData(" thou ", "thou")]
    [InlineData(" thou,", "thou")]
    [InlineData("\nO'", null)]
    [InlineData("\nO'er the", "O'er")]
    [InlineData(" ,", null)]
    public void FirstComplete_NamesTheFirstWord_OnlyOnceNothingCanLengthenIt(string text, string? word) =>
        Assert.Equal(word, GameWords.FirstComplete(text));

    [Fact]
    public void Same_IgnoresCaseAndPunctuation_ButNeverCallsNothingAHit()
    {
        Assert.True(GameWords.Same("ART!", "art"));
        Assert.False(GameWords.Same("arts", "art"));
        Assert.False(GameWords.Same("", ""));
    }
}
