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
    public void Creation_RefusesAVocabularyThatForbidsEveryId()
    {
        // Given a vocabulary of 3 ids that forbids all of them to samplers
        var lying = new FakeVocabulary { ForbiddenIds = new HashSet<int> { 0, 1, 2 } };

        // When the engine takes it
        var error = Assert.Throws<TokenizerException>(() => new GuardedVocabulary("mute", lying));

        // Then it is refused in one line before any training, since nothing could be generated with it
        Assert.Equal("The tokenizer 'mute' forbids every one of its 3 ids, so no text could ever be generated.", error.Message);
    }

    [Fact]
    public async Task Learn_TurnsAPluginsExceptionIntoOneLine()
    {
        var error = await Assert.ThrowsAsync<TokenizerException>(() => TokenizerCalls.LearnAsync(new ThrowingTokenizer(), "broken", "text", null, CancellationToken.None));

        Assert.Equal("The tokenizer 'broken' failed to learn a vocabulary: out of ideas", error.Message);
    }

    [Fact]
    public void Save_RefusesAStateNoCheckpointCouldReadBack_WhenItIsNoUnicodeText()
    {
        // Given a vocabulary whose saved state holds a lone surrogate (UTF-8 cannot write it)
        var vocabulary = new GuardedVocabulary("sloppy", new FakeVocabulary { State = "{\"elements\":[\"\uD800\"]}" });

        // When its state is saved for a checkpoint
        var error = Assert.Throws<TokenizerException>(vocabulary.Save);

        // Then one line names the tokenizer and says what is wrong, before any file is written
        Assert.StartsWith("The tokenizer 'sloppy' saved a state that is no valid Unicode text", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "cannot read back the state it saves")]
    [InlineData(2, "reads back 2 ids from the state it saves of 3")]
    public async Task Learn_RefusesAVocabularyWhoseStateDoesNotLoadBack(int? loadedCount, string expected)
    {
        // Given a tokenizer that learns 3 ids, but whose Load refuses its own state or reads back another count
        var tokenizer = new ForgetfulTokenizer(loadedCount);

        // When it learns
        var error = await Assert.ThrowsAsync<TokenizerException>(() => TokenizerCalls.LearnAsync(tokenizer, "forgetful", "text", null, CancellationToken.None));

        // Then it is refused before any training, since no checkpoint of it could ever be opened
        Assert.Contains($"'forgetful' {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SaysAStateIsNotThePluginsJson_WithoutTheSerializersWords_WhenAPluginLetsItsJsonExceptionOut()
    {
        // Given a third-party tokenizer whose Load lets the serializer's exception out, which names .NET types and a path
        var tokenizer = new JsonThrowingTokenizer();

        // When a state is loaded through it
        var error = Assert.Throws<InvalidDataException>(() => TokenizerCalls.Load(tokenizer, "careless", "{\n\"ids\": \"many\"}"));

        // Then one line names the tokenizer and the line, in plain words
        Assert.Equal("the tokenizer 'careless' found its saved state is not the JSON it writes (line 2)", error.Message);
        PlainWords.AssertPlain(error.Message);
    }

    private sealed class FakeVocabulary : ITokenVocabulary
    {
        public EncodedText? Answer { get; init; } = new([]);

        public int Count { get; init; } = 3;

        public int? UnknownId => 0;

        public IReadOnlySet<int> ForbiddenIds { get; init; } = new HashSet<int> { 0 };

        public EncodedText Encode(ReadOnlySpan<char> text) => Answer ?? throw new InvalidOperationException("no answer");

        public string Decode(ReadOnlySpan<int> ids) => string.Empty;

        public string DecodePiece(ReadOnlySpan<int> previous, int id) => string.Empty;

        public string DisplayText(int id) => string.Empty;

        public string State { get; init; } = string.Empty;

        public string Save() => State;
    }

    /// <summary>Learns a vocabulary of 3 ids; loading refuses the state (null) or gives a vocabulary of another count.</summary>
    private sealed class ForgetfulTokenizer(int? loadedCount) : ITokenizer
    {
        public string Name => "forgetful";

        public string Description => "forgets";

        public bool IsLossless => false;

        public Task<ITokenVocabulary> LearnAsync(string text, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken) =>
            Task.FromResult<ITokenVocabulary>(new FakeVocabulary());

        public ITokenVocabulary Load(string state) =>
            loadedCount is { } count ? new FakeVocabulary { Count = count } : throw new InvalidDataException("what state?");
    }

    /// <summary>Reads its state with the serializer and lets what it throws out, as a careless plugin would.</summary>
    private sealed class JsonThrowingTokenizer : ITokenizer
    {
        public string Name => "careless";

        public string Description => "lets exceptions out";

        public bool IsLossless => false;

        public Task<ITokenVocabulary> LearnAsync(string text, IProgress<TokenizerLearnProgress>? progress, CancellationToken cancellationToken) =>
            Task.FromResult<ITokenVocabulary>(new FakeVocabulary());

        public ITokenVocabulary Load(string state) =>
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(state) is { } ids ? new FakeVocabulary { Count = ids.Count } : new FakeVocabulary();
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
