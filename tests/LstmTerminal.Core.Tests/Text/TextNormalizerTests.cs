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
    [InlineData("\U0001D400\U0001D401\U0001D402 is bold", "\U0001D400\U0001D401\U0001D402 is bold")] // mathematical letters have no lower case
    [InlineData("\U00010400\U00010401", "\U00010428\U00010429")] // Deseret capitals lower-case outside the BMP too
    [InlineData("\U00020000\U00020001 kanji", "\U00020000\U00020001 kanji")] // CJK extension B
    [InlineData("year \U0001D7CF\U0001D7D0", "year \U0001D7CF\U0001D7D0")] // mathematical digits are digits
    [InlineData("\U00011013\U00011038", "\U00011013\U00011038")] // Brahmi ka with its vowel sign, a mark outside the BMP
    public void Normalize_TreatsLettersDigitsAndMarksOutsideTheBasicPlane_LikeThoseInside(string text, string expected)
    {
        Assert.Equal(expected, Normalize(text));
    }

    [Theory]
    [InlineData("love\U0001F600hate", "love hate")]
    [InlineData("thumbs \U0001F44D\U0001F3FD up", "thumbs up")] // with a skin-tone modifier
    [InlineData("family \U0001F468\u200D\U0001F469\u200D\U0001F467 dinner", "family dinner")] // joined by zero-width joiners
    [InlineData("I \u2764\uFE0F thee", "i thee")] // the emoji's variation selector goes with it
    public void Normalize_TreatsAnEmojiAsASymbol_ThatSeparatesWords(string text, string expected)
    {
        Assert.Equal(expected, Normalize(text));
    }

    [Fact]
    public void Normalize_KeepsACombiningMarkWithItsLetter()
    {
        Assert.Equal("cafe\u0301 nai\u0308ve", Normalize("Cafe\u0301, nai\u0308ve"));
    }

    [Fact]
    public void Normalize_DropsALoneSurrogate_AsAnUnreadableCharacter()
    {
        Assert.Equal(["broken", "pair"], TextNormalizer.Tokenize("broken\uD835pair"));
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
        var text = "To be, or not to BE;\nthat is the question: \U0001D400\U0001D400 " + new string('x', 1000);

        var indexed = TextNormalizer.Index(text);

        Assert.Equal(TextNormalizer.Tokenize(text), indexed.Sequence.Select(i => indexed.DistinctWords[i]));
        Assert.Equal(indexed.DistinctWords.Count, indexed.DistinctWords.Distinct().Count());
        Assert.Equal(2, indexed.Counts[indexed.DistinctWords.ToList().IndexOf("be")]);
    }

    private static string Normalize(string text) => string.Join(' ', TextNormalizer.Tokenize(text));
}
