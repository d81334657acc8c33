using LstmTerminal.Abstractions;
using LstmTerminal.Plugins.Tests.Support;

namespace LstmTerminal.Plugins.Tests;

/// <summary>The recipe's word level behind the tokenizer contract: normalisation, ids, state and its figures on tinyshakespeare.</summary>
public sealed class WordsTokenizerTests
{
    [Fact]
    public async Task Learn_GivesTheRecipesVocabularyAndUnknownRate_OnTinyShakespeare()
    {
        // When the default words tokenizer learns tinyshakespeare and encodes it
        var vocabulary = await TokenizerTexts.LearnAsync("words", TokenizerTexts.Corpus);
        var encoded = vocabulary.Encode(TokenizerTexts.Corpus);

        // Then the figures are the recipe's: 2,826 ids and 9.01 % of the words unknown
        Assert.Equal(2826, vocabulary.Count);
        Assert.Equal(0.0901, (double)encoded.Unknown.Count / encoded.Ids.Length, 4);
        Assert.Equal(encoded.Unknown.Count, encoded.Ids.Count(id => id == 0));
    }

    [Fact]
    public async Task Learn_KeepsWordsSeenMoreThanTheMinimum_MostFrequentFirst_AfterTheUnknownWord()
    {
        // When "a" x3, "b" x2, "c" x1 are learned with MinWordFrequency 1
        var vocabulary = await TokenizerTexts.LearnAsync("words", "a a c a b b", ("MinWordFrequency", "1"));

        // Then only a and b are known, after id 0, the unknown word that no sampler may return
        Assert.Equal(["<unk>", "a", "b"], Enumerable.Range(0, vocabulary.Count).Select(vocabulary.DisplayText));
        Assert.Equal(0, vocabulary.UnknownId);
        Assert.Equal([0], vocabulary.ForbiddenIds);
        Assert.Equal([1, 0, 2], vocabulary.Encode("A c b").Ids);
    }

    [Fact]
    public async Task Learn_IsDeterministic_RegardlessOfFirstAppearance()
    {
        var first = await TokenizerTexts.LearnAsync("words", "z y x z y x", ("MinWordFrequency", "0"));
        var second = await TokenizerTexts.LearnAsync("words", "x y z x y z", ("MinWordFrequency", "0"));

        Assert.Equal(first.Save(), second.Save());
        Assert.Equal("x y z", first.Decode([1, 2, 3]));
    }

    [Fact]
    public async Task Learn_RefusesAMinWordFrequencyOutOfRange_NamingTheKey()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TokenizerTexts.LearnAsync("words", "a b", ("MinWordFrequency", "-1")));

        Assert.Contains("Plugins:words:MinWordFrequency", error.Message);
    }

    [Fact]
    public async Task Encode_NamesWhereEachUnknownWordStands_InTheTextAsGiven()
    {
        var vocabulary = await TokenizerTexts.LearnAsync("words", "thou art more thou art more", ("MinWordFrequency", "1"));

        var encoded = vocabulary.Encode("Thou, ZYZZYVA art!");

        Assert.Equal([vocabulary.Encode("thou").Ids[0], 0, vocabulary.Encode("art").Ids[0]], encoded.Ids);
        Assert.Equal("ZYZZYVA", "Thou, ZYZZYVA art!"[Assert.Single(encoded.Unknown)]);
    }

    [Fact]
    public async Task Decode_StreamsWordsWithASpaceBeforeEveryWordButTheFirst()
    {
        var vocabulary = await TokenizerTexts.LearnAsync("words", "to be or not to be", ("MinWordFrequency", "0"));
        var ids = vocabulary.Encode("to be or not").Ids;

        Assert.Equal("to be or not", vocabulary.Decode(ids));
        Assert.Equal(vocabulary.Decode(ids), TokenizerTexts.Streamed(vocabulary, ids));
    }

    [Fact]
    public async Task Load_ReadsBackTheSavedState_AsAnEqualVocabulary()
    {
        var learned = await TokenizerTexts.LearnedOnCorpusAsync("words");

        var loaded = ShippedPlugins.Tokenizer("words").Load(learned.Save());

        Assert.Equal(learned.Count, loaded.Count);
        Assert.Equal(learned.Encode(TokenizerTexts.Unicode).Ids, loaded.Encode(TokenizerTexts.Unicode).Ids);
    }

    [Theory]
    [InlineData("{\"formatVersion\": 9, \"words\": []}", "format version 9")]
    [InlineData("{\"formatVersion\": 1}", "no word list")]
    [InlineData("{\"formatVersion\": 1, \"words\": [\"a\", \"a\"]}", "repeats 'a'")]
    [InlineData("{\"formatVersion\": 1, \"words\": [\"<unk>\"]}", "reserved <unk>")]
    [InlineData("[1, 2", "not a valid vocabulary")]
    public void Load_RefusesADamagedState_InOneLine(string state, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => ShippedPlugins.Tokenizer("words").Load(state));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_RefusesANullWord_NamingItsPosition()
    {
        // Given a saved state with null where a word should be
        const string state = "{\"formatVersion\": 1, \"words\": [\"thou\", null, \"art\"]}";

        // When it is loaded
        var error = Assert.Throws<InvalidDataException>(() => ShippedPlugins.Tokenizer("words").Load(state));

        // Then the refusal names the position, not a .NET parameter
        Assert.Contains("null at position 1 of its word list", error.Message);
    }

    [Theory]
    [InlineData("To be, or not to be: that is the Question!", "to be or not to be that is the question")] // lower case, punctuation as spaces
    [InlineData("Summer's well-a-day, o'er", "summer's well-a-day o'er")] // hyphens and apostrophes kept
    [InlineData("Sweet   sorrow\t is  SSS", "sweet sorrow is sss")] // the recipe's 's+' regex deleted every s
    [InlineData("parting\nis\r\nsuch", "parting is such")] // line breaks separate words
    [InlineData("\u2018Tis nature\u2019s", "'tis nature's")] // typographic apostrophes
    [InlineData("\U0001D400\U0001D401\U0001D402 is bold", "\U0001D400\U0001D401\U0001D402 is bold")] // mathematical letters have no lower case
    [InlineData("\U00010400\U00010401", "\U00010428\U00010429")] // Deseret capitals lower-case outside the BMP too
    [InlineData("\U00020000\U00020001 kanji", "\U00020000\U00020001 kanji")] // CJK extension B
    [InlineData("year \U0001D7CF\U0001D7D0", "year \U0001D7CF\U0001D7D0")] // mathematical digits are digits
    [InlineData("\U00011013\U00011038", "\U00011013\U00011038")] // Brahmi ka with its vowel sign, a mark outside the BMP
    [InlineData("love\U0001F600hate", "love hate")] // an emoji is a symbol that separates words
    [InlineData("thumbs \U0001F44D\U0001F3FD up", "thumbs up")] // with a skin-tone modifier
    [InlineData("family \U0001F468\u200D\U0001F469\u200D\U0001F467 dinner", "family dinner")] // joined by zero-width joiners
    [InlineData("I \u2764\uFE0F thee", "i thee")] // the emoji's variation selector goes with it
    [InlineData("Cafe\u0301, nai\u0308ve", "cafe\u0301 nai\u0308ve")] // a combining mark stays with its letter
    [InlineData("broken\uD835pair", "broken pair")] // a lone surrogate is no letter
    [InlineData("?!.,;:()[]\"", "")]
    [InlineData("   \n\t ", "")]
    public async Task Encode_NormalisesLikeTheRecipe(string text, string expected)
    {
        Assert.Equal(expected, await NormalizedAsync(text));
    }

    /// <summary>The text as the model sees it: every word known (learned from the text itself), decoded.</summary>
    private static async Task<string> NormalizedAsync(string text)
    {
        ITokenVocabulary vocabulary = await TokenizerTexts.LearnAsync("words", text, ("MinWordFrequency", "0"));
        return vocabulary.Decode(vocabulary.Encode(text).Ids);
    }
}
