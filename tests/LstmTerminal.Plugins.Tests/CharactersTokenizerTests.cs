using LstmTerminal.Plugins.Tests.Support;

namespace LstmTerminal.Plugins.Tests;

public sealed class CharactersTokenizerTests
{
    [Fact]
    public async Task Ids_GoToTheMostFrequentCharactersFirst_TiesInOrdinalOrder_AfterTheUnknownId()
    {
        // When
        var vocabulary = await TokenizerTexts.LearnAsync("characters", "cbbaa\r\nb");

        // Then 0 is unknown, then b (3 times), a (twice), then CRLF and c (once each, in ordinal order)
        Assert.Equal(0, vocabulary.UnknownId);
        Assert.Equal(["<unk>", "b", "a", "\r\n", "c"], Enumerable.Range(0, vocabulary.Count).Select(vocabulary.DisplayText));
        Assert.Equal([0], vocabulary.ForbiddenIds);
    }

    [Fact]
    public async Task Encode_KeepsCaseAndEachKindOfLineBreak_AsTokensOfTheirOwn()
    {
        // Given
        var vocabulary = await TokenizerTexts.LearnAsync("characters", "Aa\r\n\n\r");

        // When
        var ids = vocabulary.Encode("a\rA\r\n\na").Ids;

        // Then CRLF is one token, distinct from a CR and an LF, and "a" and "A" differ
        Assert.Equal(["a", "\r", "A", "\r\n", "\n", "a"], ids.Select(vocabulary.DisplayText));
        Assert.Equal("a\rA\r\n\na", vocabulary.Decode(ids));
    }

    [Fact]
    public async Task Encode_MapsRareCharactersToTheUnknownId_AndReportsWhereTheyAre()
    {
        // Given characters seen fewer than MinFrequency = 3 times: "x" twice, the thumbs-up with its skin tone once
        var vocabulary = await TokenizerTexts.LearnAsync("characters", "aaa bbb   xx 👍🏽", ("MinFrequency", "3"));

        // When a prime holds them, and a character never seen
        const string prime = "ab x👍🏽b€";
        var encoded = vocabulary.Encode(prime);

        // Then each becomes one unknown id (the emoji with its modifier is one character), reported by its place in the prime
        Assert.Equal(["a", "b", " ", "<unk>", "<unk>", "b", "<unk>"], encoded.Ids.Select(vocabulary.DisplayText));
        Assert.Equal(["x", "👍🏽", "€"], encoded.Unknown.Select(range => prime[range]));
        Assert.Equal("ab \uFFFD\uFFFDb\uFFFD", vocabulary.Decode(encoded.Ids));
    }

    [Fact]
    public async Task Encode_NeverSplitsAnEmojiSequenceAFlagOrACombiningMark()
    {
        // Given
        var vocabulary = await TokenizerTexts.LearnAsync("characters", TokenizerTexts.Unicode);

        // When
        var pieces = vocabulary.Encode("👨‍👩‍👧‍👦🇫🇷🇯🇵Cafe\u0301𠀋").Ids.Select(vocabulary.DisplayText);

        // Then
        Assert.Equal(["👨‍👩‍👧‍👦", "🇫🇷", "🇯🇵", "C", "a", "f", "e\u0301", "𠀋"], pieces);
    }

    [Fact]
    public async Task Encode_ReadsALoneSurrogateAsUnknown_EvenWhenTheCorpusHadOne()
    {
        // Given a corpus cut in the middle of a surrogate pair
        var vocabulary = await TokenizerTexts.LearnAsync("characters", "ab\uD83D");

        // When
        var encoded = vocabulary.Encode("b\uD83D");

        // Then it has no id of its own (no saved state could carry it) and decodes as the replacement character
        Assert.Equal(3, vocabulary.Count);
        Assert.Equal([new Range(1, 2)], encoded.Unknown);
        Assert.Equal("b\uFFFD", vocabulary.Decode(encoded.Ids));
    }
}
