using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Tests.Text;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Normalize_LowerCasesAndTurnsPunctuationIntoSpaces()
    {
        Assert.Equal("to be or not to be that is the question", Normalize("To be, or not to be: that is the Question!"));
    }

    [Fact]
    public void Normalize_KeepsHyphensAndApostrophes()
    {
        Assert.Equal("summer's well-a-day o'er", Normalize("Summer's well-a-day, o'er"));
    }

    [Fact]
    public void Normalize_KeepsEveryLetterS()
    {
        // The recipe's 's+' regex deleted every s; whitespace runs must collapse without touching letters.
        Assert.Equal("sweet sorrow is sss", Normalize("Sweet   sorrow\t is  SSS"));
    }

    [Fact]
    public void Normalize_SeparatesWordsAcrossLineBreaks()
    {
        Assert.Equal(["parting", "is", "such"], TextNormalizer.Tokenize("parting\nis\r\nsuch"));
    }

    [Fact]
    public void Normalize_MapsTypographicApostrophes()
    {
        Assert.Equal("'tis nature's", Normalize("\u2018Tis nature\u2019s"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("?!.,;:()[]\"")]
    public void Tokenize_GivesNoWords_WhenThereAreNoLettersOrDigits(string text)
    {
        Assert.Empty(TextNormalizer.Tokenize(text));
    }

    [Fact]
    public void Index_GivesTheSameSequenceAsTokenize_WithEachDistinctWordOnce()
    {
        var text = "To be, or not to BE;\nthat is the question: " + new string('x', 1000);

        var indexed = TextNormalizer.Index(text);

        Assert.Equal(TextNormalizer.Tokenize(text), indexed.Sequence.Select(i => indexed.DistinctWords[i]));
        Assert.Equal(indexed.DistinctWords.Count, indexed.DistinctWords.Distinct().Count());
        Assert.Equal(2, indexed.Counts[indexed.DistinctWords.ToList().IndexOf("be")]);
    }

    private static string Normalize(string text) => string.Join(' ', TextNormalizer.Tokenize(text));
}
