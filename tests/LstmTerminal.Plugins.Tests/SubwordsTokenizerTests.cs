using System.Globalization;
using System.Text.Json;
using LstmTerminal.Plugins.Tests.Support;
using Xunit.Abstractions;

namespace LstmTerminal.Plugins.Tests;

public sealed class SubwordsTokenizerTests(ITestOutputHelper output)
{
    private const int DefaultMerges = 2000;

    [Fact]
    public async Task LearnAsync_MergesTheMostFrequentPairFirst_TiesByLowestIds_AndStopsWhenNoPairRepeats()
    {
        // Given the textbook example: "aa" occurs four times, then "ab" and "Za" (Z = aa) twice each
        const string text = "aaabdaaabac";

        // When
        var vocabulary = await TokenizerTexts.LearnAsync("subwords", text);

        // Then aa, then ab (a = 97 before Z = 256), then Z + ab; every other pair occurs once
        int[][] merges = [[97, 97], [97, 98], [256, 257]];
        Assert.Equal(merges, Merges(vocabulary.Save()));
        Assert.Equal(259, vocabulary.Count);
        var ids = vocabulary.Encode(text).Ids;
        Assert.Equal([258, 'd', 258, 'a', 'c'], ids);
        Assert.Equal(["aaab", "d", "aaab", "a", "c"], ids.Select(vocabulary.DisplayText));
    }

    [Fact]
    public async Task LearnAsync_LearnsMergesWithinPiecesOnly_ASpaceGoingWithTheWordAfterIt()
    {
        // When
        var vocabulary = await TokenizerTexts.LearnAsync("subwords", "the cat, the hat; the cat.\nthe hat!");

        // Then
        Assert.Equal(["the", " the", " cat", " hat", ",", ";", ".", "\n", "!"],
            vocabulary.Encode("the the cat hat,;.\n!").Ids.Select(vocabulary.DisplayText).Distinct());
    }

    [Fact]
    public async Task Encode_RoundTripsEmojiCjkAndLineBreaks_ThatTheCorpusNeverHad()
    {
        // Given subwords learned from tinyshakespeare, which is plain ASCII
        var vocabulary = await TokenizerTexts.LearnedOnCorpusAsync("subwords");

        // When
        var encoded = vocabulary.Encode(TokenizerTexts.Unicode);

        // Then it is lossless all the same: no unknown id, the same text back
        Assert.Null(vocabulary.UnknownId);
        Assert.True(ShippedPlugins.Tokenizer("subwords").IsLossless);
        Assert.Empty(encoded.Unknown);
        Assert.Equal(TokenizerTexts.Unicode, vocabulary.Decode(encoded.Ids));
    }

    [Fact]
    public async Task Encode_RoundTripsAVeryLongPiece_CutWithoutSplittingASurrogatePair()
    {
        // Given one run of symbols far longer than a piece may be, with surrogate pairs across every cut
        var vocabulary = await TokenizerTexts.LearnedOnCorpusAsync("subwords");
        var run = "!" + string.Concat(Enumerable.Repeat("😀-", 5_000)) + new string('=', 100_000);

        // When / Then
        Assert.Equal(run, vocabulary.Decode(vocabulary.Encode(run).Ids));
    }

    [Fact]
    public async Task DecodePiece_WithholdsAPartialCharacter_UntilTheByteThatCompletesIt()
    {
        // Given "€" (E2 82 AC) as three single-byte ids, which no merge of the corpus joins
        var vocabulary = await TokenizerTexts.LearnedOnCorpusAsync("subwords");
        int[] ids = ['a', 0xE2, 0x82, 0xAC, 'b'];

        // When
        var pieces = ids.Select((id, i) => vocabulary.DecodePiece(ids.AsSpan(0, i), id)).ToList();

        // Then
        Assert.Equal(["a", "", "", "€", "b"], pieces);
        Assert.Equal("a€b", vocabulary.Decode(ids));
        Assert.Equal("a", vocabulary.Decode(ids.AsSpan(0, 3)));
        Assert.Equal("<0xE2>", vocabulary.DisplayText(0xE2));
    }

    [Fact]
    public async Task DecodePiece_MatchesDecode_OnRandomIdsThatAreMostlyBrokenUtf8()
    {
        // Given ids a model might sample: half of them bytes 0x80-0xFF, which rarely make whole characters
        var vocabulary = await TokenizerTexts.LearnedOnCorpusAsync("subwords");
        var random = new Random(7);
        var ids = Enumerable.Range(0, 1_500).Select(_ => random.Next(2) == 0 ? random.Next(0x80, 0x100) : random.Next(vocabulary.Count)).ToArray();

        // When / Then every piece is what decoding one id more adds, replacement characters included
        var decoded = "";
        for (var i = 0; i < ids.Length; i++)
        {
            decoded += vocabulary.DecodePiece(ids.AsSpan(0, i), ids[i]);
            Assert.Equal(vocabulary.Decode(ids.AsSpan(0, i + 1)), decoded);
        }

        Assert.Contains('\uFFFD', decoded);
    }

    [Fact]
    public async Task ForbiddenIds_AreTheBytesThatNeverOccurInUtf8()
    {
        // Given
        var vocabulary = await TokenizerTexts.LearnedOnCorpusAsync("subwords");

        // Then
        Assert.Equal([0xC0, 0xC1, .. Enumerable.Range(0xF5, 11)], vocabulary.ForbiddenIds.Order());
        Assert.Equal(256 + DefaultMerges, vocabulary.Count);
    }

    [Fact]
    public async Task MoreMerges_MeanFewerTokensPerCharacter_OnTinyShakespeare()
    {
        // When
        var tokensPerCharacter = new List<double>();
        foreach (var merges in new[] { 0, 500, 1000, 2000 })
        {
            var vocabulary = await TokenizerTexts.LearnAsync("subwords", TokenizerTexts.Corpus, ("Merges", merges.ToString(CultureInfo.InvariantCulture)));
            tokensPerCharacter.Add((double)vocabulary.Encode(TokenizerTexts.Corpus).Ids.Length / TokenizerTexts.Corpus.Length);
            output.WriteLine($"{merges} merges: {tokensPerCharacter[^1]:0.000} tokens per character");
        }

        // Then plain ASCII is one byte a character, and every merge count shortens the text further
        Assert.Equal(1.0, tokensPerCharacter[0]);
        Assert.Equal(tokensPerCharacter.OrderDescending(), tokensPerCharacter);
        Assert.InRange(tokensPerCharacter[^1], 0.2, 0.4);
    }

    private static int[][] Merges(string state) =>
        JsonDocument.Parse(state).RootElement.GetProperty("merges").EnumerateArray()
            .Select(pair => pair.EnumerateArray().Select(id => id.GetInt32()).ToArray()).ToArray();
}
