using LstmTerminal.Abstractions;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Tests.Data;

/// <summary>A tokenizer plugin is untrusted: its failures become one line naming it, and its answers are checked before the model sees them.</summary>
public sealed class GuardedVocabularyTests
{
    [Fact]
    public void Encode_RefusesAnIdOutOfRange_NamingTheTokenizer()
    {
        var vocabulary = new GuardedVocabulary("sloppy", new FakeVocabulary { Answer = new EncodedText([1, 5]) });

        var error = Assert.Throws<TokenizerException>(() => vocabulary.Encode("ab"));

        Assert.Contains("'sloppy'", error.Message);
        Assert.Contains("id 5", error.Message);
    }

    [Fact]
    public void Encode_RefusesUnknownIdsWithoutTheirPlaceInTheText()
    {
        var vocabulary = new GuardedVocabulary("sloppy", new FakeVocabulary { Answer = new EncodedText([0, 1]) });

        Assert.Throws<TokenizerException>(() => vocabulary.Encode("ab"));
    }

    [Fact]
    public void Encode_TurnsAPluginsExceptionIntoOneLine()
    {
        var vocabulary = new GuardedVocabulary("broken", new FakeVocabulary { Answer = null });

        var error = Assert.Throws<TokenizerException>(() => vocabulary.Encode("ab"));

        Assert.Equal("The tokenizer 'broken' failed to encode text: no answer.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(GuardedVocabulary.MaxCount + 1)]
    public void Creation_RefusesACountOutOfBounds(int count)
    {
        Assert.Throws<TokenizerException>(() => new GuardedVocabulary("sloppy", new FakeVocabulary { Count = count }));
    }

    [Fact]
    public async Task Learn_TurnsAPluginsExceptionIntoOneLine()
    {
        var error = await Assert.ThrowsAsync<TokenizerException>(() => TokenizerCalls.LearnAsync(new ThrowingTokenizer(), "broken", "text", null, CancellationToken.None));

        Assert.Equal("The tokenizer 'broken' failed to learn a vocabulary: out of ideas", error.Message);
    }

    private sealed class FakeVocabulary : ITokenVocabulary
    {
        public EncodedText? Answer { get; init; } = new([]);

        public int Count { get; init; } = 3;

        public int? UnknownId => 0;

        public IReadOnlySet<int> ForbiddenIds => new HashSet<int> { 0 };

        public EncodedText Encode(ReadOnlySpan<char> text) => Answer ?? throw new InvalidOperationException("no answer");

        public string Decode(ReadOnlySpan<int> ids) => string.Empty;

        public string DecodePiece(ReadOnlySpan<int> previous, int id) => string.Empty;

        public string DisplayText(int id) => string.Empty;

        public string Save() => string.Empty;
    }

    private sealed class ThrowingTokenizer : ITokenizer
    {
        public string Name => "broken";

        public string Description => "fails";

        public bool IsLossless => false;

        public Task<ITokenVocabulary> LearnAsync(string text, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("out of ideas");

        public ITokenVocabulary Load(string state) => throw new InvalidDataException("no");
    }
}
