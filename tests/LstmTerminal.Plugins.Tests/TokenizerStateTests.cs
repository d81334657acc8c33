using LstmTerminal.Plugins.Tests.Support;

namespace LstmTerminal.Plugins.Tests;

/// <summary>A checkpoint's tokenizer state may be damaged or foreign: loading it must say so in one line, never crash.</summary>
public sealed class TokenizerStateTests
{
    public static TheoryData<string, string, string> DamagedStates => new()
    {
        { "characters", "", "is damaged: it is empty." },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[97,", "is damaged: it is not valid JSON: it breaks off at line 1." },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[97,}", "is damaged: it is not valid JSON: it has a syntax error at line 1." },
        { "subwords", "[1, 2]", "is damaged: it must be an object, not a list." },
        { "words", "[1, 2]", "is not a valid vocabulary: it must be an object, not a list." },
        { "words", "{\"formatVersion\":1,\"words\":[\"a\",", "is not a valid vocabulary: it is not valid JSON: it breaks off at line 1." },
        { "words", "{\"formatVersion\":1,\"words\":{}}", "is not a valid vocabulary: field 'words' must be a list, not an object." },
        { "characters", "{\"format\":\"characters\",\"version\":\"one\",\"elements\":[]}", "is damaged: field 'version' must be a whole number, not text." },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":\"ab\"}", "is damaged: field 'merges' must be a list, not text." },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[97,\"b\"]]}", "is damaged: field 'merges[0][1]' must be a whole number, not text." },
        { "characters", new string('[', 10_000) + new string(']', 10_000), "is damaged: it nests lists or objects deeper than 64 levels." },
        { "subwords", "null", "is empty" },
        { "characters", "{}", "names no format" },
        { "characters", "{\"format\":\"subwords\",\"version\":1,\"merges\":[]}", "belongs to the 'subwords' tokenizer, not to 'characters'" },
        { "subwords", "{\"format\":\"subwords\",\"version\":2,\"merges\":[]}", "format version 2; this plugin reads version 1" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1}", "no list of merges" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[97,97],[97,300]]}", "merge 2 is not a pair of earlier token ids (below 257)" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[97,98],[97,98]]}", "merge 2 is not a pair" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[97,98,99]]}", "merge 1 is not a pair" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[-1,98]]}", "merge 1 is not a pair" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[97,99999999999]]}", "is damaged: field 'merges[0][1]' is out of range: 99999999999." },
        { "characters", "{\"format\":\"characters\",\"version\":1,\"elements\":[\"a\",\"b\",\"a\"]}", "element 3 is a repeat" },
        { "characters", "{\"format\":\"characters\",\"version\":1,\"elements\":[\"a\",null]}", "element 2 is empty" },
        { "characters", "{\"format\":\"characters\",\"version\":1,\"elements\":[\"a\",\"\\ud800\"]}", "is damaged: field 'elements[1]' holds text that is not valid Unicode." },
    };

    [Theory]
    [MemberData(nameof(DamagedStates))]
    public void Load_RefusesADamagedOrForeignState_InOneLineThatSaysWhy(string tokenizer, string state, string expected)
    {
        // When
        var error = Assert.Throws<InvalidDataException>(() => ShippedPlugins.Tokenizer(tokenizer).Load(state));

        // Then
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        PlainWords.AssertPlain(error.Message);
    }

    [Theory]
    [InlineData("characters")]
    [InlineData("subwords")]
    public async Task Load_RefusesEveryCutOfAGoodState(string tokenizer)
    {
        // Given a state written by a learned vocabulary
        var state = (await TokenizerTexts.LearnAsync(tokenizer, TokenizerTexts.Corpus[..5_000])).Save();
        var plugin = ShippedPlugins.Tokenizer(tokenizer);

        // When / Then a write cut short anywhere is refused, as a written checkpoint file could be
        foreach (var length in Enumerable.Range(0, state.Length).Where(i => i % 7 == 0))
        {
            Assert.Throws<InvalidDataException>(() => plugin.Load(state[..length]));
        }
    }
}
