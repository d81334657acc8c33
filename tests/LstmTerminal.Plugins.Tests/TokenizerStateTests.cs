using LstmTerminal.Plugins.Tests.Support;

namespace LstmTerminal.Plugins.Tests;

/// <summary>A checkpoint's tokenizer state may be damaged or foreign: loading it must say so in one line, never crash.</summary>
public sealed class TokenizerStateTests
{
    public static TheoryData<string, string, string> DamagedStates => new()
    {
        { "characters", "", "not the expected JSON" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[97,", "not the expected JSON" },
        { "subwords", "[1, 2]", "not the expected JSON" },
        { "characters", new string('[', 10_000) + new string(']', 10_000), "not the expected JSON" },
        { "subwords", "null", "is empty" },
        { "characters", "{}", "names no format" },
        { "characters", "{\"format\":\"subwords\",\"version\":1,\"merges\":[]}", "belongs to the 'subwords' tokenizer, not to 'characters'" },
        { "subwords", "{\"format\":\"subwords\",\"version\":2,\"merges\":[]}", "format version 2; this plugin reads version 1" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1}", "no list of merges" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[97,97],[97,300]]}", "merge 2 is not a pair of earlier token ids (below 257)" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[97,98],[97,98]]}", "merge 2 is not a pair" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[97,98,99]]}", "merge 1 is not a pair" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[-1,98]]}", "merge 1 is not a pair" },
        { "subwords", "{\"format\":\"subwords\",\"version\":1,\"merges\":[[97,99999999999]]}", "not the expected JSON" },
        { "characters", "{\"format\":\"characters\",\"version\":1,\"elements\":[\"a\",\"b\",\"a\"]}", "element 3 is a repeat" },
        { "characters", "{\"format\":\"characters\",\"version\":1,\"elements\":[\"a\",null]}", "element 2 is empty" },
        { "characters", "{\"format\":\"characters\",\"version\":1,\"elements\":[\"a\",\"\\ud800\"]}", "not the expected JSON" },
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
