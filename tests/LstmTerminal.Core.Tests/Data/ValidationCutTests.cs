using LstmTerminal.Core.Data;

namespace LstmTerminal.Core.Tests.Data;

public sealed class ValidationCutTests
{
    [Fact]
    public void Offset_MovesTheCutToTheStartOfTheNextLine_WhenItFallsWithinALine()
    {
        // Given ten lines of eleven characters, whose last 21 characters start one character into the ninth line
        var text = string.Concat(Enumerable.Range(1, 10).Select(i => $"line {i:00}...\n"));
        Assert.Equal((110, 89), (text.Length, text.Length - (int)Math.Round(text.Length * 0.19)));

        // When the validation share is cut
        var offset = ValidationCut.Offset(text, 0.19);

        // Then it starts at the tenth line
        Assert.Equal("line 10...\n", text[offset..]);
    }

    [Fact]
    public void Offset_KeepsThePlainCut_WhenItFallsOnALineStart()
    {
        // Given four lines of five characters, the last quarter one whole line
        const string text = "aaaa\nbbbb\ncccc\ndddd\n";

        // When a quarter is cut, Then the last line validates as it is
        Assert.Equal("dddd\n", text[ValidationCut.Offset(text, 0.25)..]);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.43)]
    public void Offset_KeepsACrLfWhole_WhenTheCutFallsBeforeOrWithinIt(double fraction)
    {
        // Given lines ending in CRLF, cut just before the CR (0.5) or between CR and LF (0.43)
        const string text = "abcdefg\r\nhij\r\n";

        // When cut, Then the validation starts after the whole line break
        Assert.Equal("hij\r\n", text[ValidationCut.Offset(text, fraction)..]);
    }

    [Theory]
    [InlineData("abcdefghij", 0.2, "ij")]
    [InlineData("abcdefghi\n", 0.3, "hi\n")]
    public void Offset_KeepsThePlainCut_WhenNoLineFollowsIt(string text, double fraction, string expected)
    {
        // Given a text whose tail holds no line break, or only one that ends the text (or its last character)
        // When cut, Then the validation is the plain tail (with a line to validate on whenever there is one)
        Assert.Equal(expected, text[ValidationCut.Offset(text, fraction)..]);
    }

    [Fact]
    public void Offset_NeverSplitsASurrogatePair_WhenThePlainCutFallsInOne()
    {
        // Given a text without line breaks whose cut falls between the halves of an emoji
        const string text = "abcdefgh\U0001F600";
        Assert.Equal(9, text.Length - (int)Math.Round(text.Length * 0.1));

        // When cut, Then the emoji stays whole in training
        Assert.Equal(10, ValidationCut.Offset(text, 0.1));
    }

    [Fact]
    public void Offset_IsTheEnd_WhenNothingIsHeldOut()
    {
        // Given no validation fraction, Then the whole text trains
        Assert.Equal(9, ValidationCut.Offset("abc\ndef\ng", 0));
    }
}
