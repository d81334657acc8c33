using LstmTerminal.Abstractions;
using LstmTerminal.Plugins.Tests.Support;

namespace LstmTerminal.Plugins.Tests;

/// <summary>What every shipped tokenizer promises through the contract.</summary>
public sealed class TokenizerContractTests
{
    [Theory]
    [InlineData("characters")]
    [InlineData("subwords")]
    public async Task Decode_GivesBackTheWholeCorpus_When_ItWasLearnedFromIt(string tokenizer)
    {
        // Given a vocabulary learned from tinyshakespeare (characters: every character seen once is kept)
        var vocabulary = await TokenizerTexts.LearnedOnCorpusAsync(tokenizer);

        // When the whole corpus is encoded and decoded
        var encoded = vocabulary.Encode(TokenizerTexts.Corpus);
        var decoded = vocabulary.Decode(encoded.Ids);

        // Then it comes back character for character, with nothing unknown
        Assert.Empty(encoded.Unknown);
        Assert.Equal(TokenizerTexts.Corpus, decoded);
    }

    [Theory]
    [InlineData("characters")]
    [InlineData("subwords")]
    public async Task Decode_GivesBackEmojiCjkCombiningMarksAndEveryLineBreak_When_TheyWereLearned(string tokenizer)
    {
        // Given a vocabulary learned from a text that holds them
        var vocabulary = await TokenizerTexts.LearnAsync(tokenizer, TokenizerTexts.Corpus[..20_000] + TokenizerTexts.Unicode);

        // When
        var encoded = vocabulary.Encode(TokenizerTexts.Unicode);

        // Then
        Assert.Empty(encoded.Unknown);
        Assert.Equal(TokenizerTexts.Unicode, vocabulary.Decode(encoded.Ids));
    }

    [Theory]
    [InlineData("characters")]
    [InlineData("subwords")]
    public async Task DecodePiece_StreamsExactlyWhatDecodeGives_IdByIdAfterThePrime(string tokenizer)
    {
        // Given the ids of a text the vocabulary partly lacks (characters: the emoji and CJK are unknown there)
        var vocabulary = await TokenizerTexts.LearnedOnCorpusAsync(tokenizer);
        var ids = vocabulary.Encode("ROMEO:\r\nThou art " + TokenizerTexts.Unicode).Ids;

        // When every id's piece is asked for after all the ids before it, as a completion streams
        for (var i = 0; i < ids.Length; i++)
        {
            var piece = vocabulary.DecodePiece(ids.AsSpan(0, i), ids[i]);

            // Then each piece is exactly what decoding one id more adds
            Assert.Equal(vocabulary.Decode(ids.AsSpan(0, i + 1)), vocabulary.Decode(ids.AsSpan(0, i)) + piece);
        }

        Assert.Equal(vocabulary.Decode(ids), TokenizerTexts.Streamed(vocabulary, ids));
    }

    [Theory]
    [InlineData("characters")]
    [InlineData("subwords")]
    public async Task Load_ReadsBackTheSameVocabulary_FromWhatSaveWrote(string tokenizer)
    {
        // Given
        var plugin = ShippedPlugins.Tokenizer(tokenizer);
        var learned = await TokenizerTexts.LearnedOnCorpusAsync(tokenizer);
        var sample = TokenizerTexts.Corpus[..50_000] + TokenizerTexts.Unicode;

        // When
        var state = learned.Save();
        var loaded = plugin.Load(state);

        // Then it encodes, decodes and saves exactly like the original
        Assert.Equal(learned.Count, loaded.Count);
        Assert.Equal(learned.UnknownId, loaded.UnknownId);
        Assert.Equal(learned.ForbiddenIds.Order(), loaded.ForbiddenIds.Order());
        var ids = learned.Encode(sample);
        Assert.Equal(ids.Ids, loaded.Encode(sample).Ids);
        Assert.Equal(ids.Unknown, loaded.Encode(sample).Unknown);
        Assert.Equal(learned.Decode(ids.Ids), loaded.Decode(ids.Ids));
        Assert.Equal(state, loaded.Save());
    }

    [Theory]
    [InlineData("characters")]
    [InlineData("subwords")]
    public async Task LearnAsync_GivesTheSameVocabulary_When_LearningTheSameTextAgain(string tokenizer)
    {
        // When two fresh instances learn the whole corpus
        var first = await TokenizerTexts.LearnAsync(tokenizer, TokenizerTexts.Corpus);
        var second = await TokenizerTexts.LearnAsync(tokenizer, TokenizerTexts.Corpus);

        // Then their states are identical
        Assert.Equal(first.Save(), second.Save());
    }

    [Theory]
    [InlineData("characters")]
    [InlineData("subwords")]
    public async Task LearnAsync_ReportsProgressToTheEnd_OfEachStage(string tokenizer)
    {
        // Given
        var progress = new CollectingProgress<TokenizerLearnProgress>();

        // When
        await ShippedPlugins.Tokenizer(tokenizer).LearnAsync(TokenizerTexts.Corpus, progress, CancellationToken.None);

        // Then every stage starts, finishes, and never goes backwards
        var reports = progress.Reports;
        Assert.NotEmpty(reports);
        foreach (var stage in reports.GroupBy(r => r.Stage))
        {
            Assert.Equal(stage.Last().Total, stage.Last().Done);
            Assert.Equal(stage.Select(r => r.Done).Order(), stage.Select(r => r.Done));
        }
    }

    [Theory]
    [InlineData("characters", "counting characters")]
    [InlineData("subwords", "counting words")]
    [InlineData("subwords", "learning merges")]
    public async Task LearnAsync_StopsWithinTheStage_When_CancelledDuringIt(string tokenizer, string stage)
    {
        // Given a token cancelled as the stage first reports progress
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelAtStage(stage, cancellation);

        // When
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ShippedPlugins.Tokenizer(tokenizer).LearnAsync(TokenizerTexts.Corpus + TokenizerTexts.Corpus, progress, cancellation.Token));

        // Then it stopped before the stage ended
        var last = progress.Last;
        Assert.NotNull(last);
        Assert.Equal(stage, last.Stage);
        Assert.True(last.Done < last.Total, $"{stage} ran to its end: {last}");
    }

    [Theory]
    [InlineData("characters", "MinFrequency", "0")]
    [InlineData("subwords", "Merges", "-1")]
    [InlineData("subwords", "Merges", "many")]
    public async Task LearnAsync_NamesTheSetting_When_ItsValueIsOutOfRange(string tokenizer, string key, string value)
    {
        // Given
        var plugin = ShippedPlugins.Tokenizer(tokenizer, (key, value));

        // When
        var error = await Assert.ThrowsAsync<ArgumentException>(() => plugin.LearnAsync("some text", null, CancellationToken.None));

        // Then
        Assert.Contains($"Plugins:{tokenizer}:{key}", error.Message);
        Assert.Contains($"'{value}'", error.Message);
    }

    [Theory]
    [InlineData("characters")]
    [InlineData("subwords")]
    public async Task Encode_NeverGivesAForbiddenId_ExceptTheUnknownOneWhereTheTextIsUnknown(string tokenizer)
    {
        // Given
        var vocabulary = await TokenizerTexts.LearnedOnCorpusAsync(tokenizer);

        // When
        var encoded = vocabulary.Encode(TokenizerTexts.Corpus + TokenizerTexts.Unicode);

        // Then
        Assert.All(encoded.Ids, id => Assert.InRange(id, 0, vocabulary.Count - 1));
        Assert.Equal(encoded.Unknown.Count, encoded.Ids.Count(vocabulary.ForbiddenIds.Contains));
        Assert.All(encoded.Ids.Where(vocabulary.ForbiddenIds.Contains), id => Assert.Equal(vocabulary.UnknownId, id));
    }

    private sealed class CancelAtStage(string stage, CancellationTokenSource cancellation) : IProgress<TokenizerLearnProgress>
    {
        public TokenizerLearnProgress? Last { get; private set; }

        public void Report(TokenizerLearnProgress value)
        {
            Last = value;
            if (value.Stage == stage)
            {
                cancellation.Cancel();
            }
        }
    }
}
