using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Tests.Text;

public sealed class PrimeEscapesTests
{
    [Theory]
    [InlineData(@"ROMEO:\nAy", "ROMEO:\nAy")]
    [InlineData(@"a\\nb", @"a\nb")]
    [InlineData(@"a\tb\", @"a\tb\")]
    [InlineData("thou art more", "thou art more")]
    public void Read_TurnsBackslashNIntoALineBreak_AndDoubledBackslashesIntoOne(string typed, string expected)
    {
        Assert.Equal(expected, PrimeEscapes.Read(typed));
    }

    [Theory]
    [InlineData("KING:\n")]
    [InlineData(@"a\nb\\")]
    [InlineData("\\")]
    public void Write_GivesWhatReadTurnsBack(string text)
    {
        Assert.Equal(text, PrimeEscapes.Read(PrimeEscapes.Write(text)));
    }
}
