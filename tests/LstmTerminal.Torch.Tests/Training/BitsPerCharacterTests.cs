using LstmTerminal.Core.Data;
using LstmTerminal.Core.Model;
using LstmTerminal.Torch.Model;
using LstmTerminal.Torch.Training;
using static TorchSharp.torch;

namespace LstmTerminal.Torch.Tests.Training;

/// <summary>The yardstick that compares token levels: bits per character of the validation text.</summary>
public sealed class BitsPerCharacterTests
{
    [Theory]
    [InlineData("characters")]
    [InlineData("subwords")]
    public void Validate_GivesLog2OfTheVocabularyPerToken_ForAModelWithUniformLogits(string tokenizer)
    {
        // Given a corpus at a lossless-on-it level and a model whose output layer is all zeros, so every token has probability 1/V
        var raw = TinyCorpus.Corpus();
        var corpus = PreparedCorpus.From(raw, TokenizerPlugins.Learn(tokenizer, raw.Text), validationFraction: 0.1);
        using var model = SeededRandom.Draw(1, () => new LstmLanguageModel(new ModelShape { VocabularySize = corpus.Vocabulary.Count, EmbeddingSize = 8, RnnSize = 12, Layers = 1, Dropout = 0 }));
        using (no_grad())
        {
            var (weight, bias) = model.OutputLayer();
            weight.zero_();
            bias.zero_();
        }

        // When it is validated in batches that leave part of the validation tokens unread
        var layout = BatchLayout.Fitting(corpus.Split.Validation.Length, maxBatchSize: 4, sequenceLength: 7);
        Assert.True(layout.BatchSize * layout.StepsPerEpoch * layout.SequenceLength < corpus.Split.Validation.Length - 1, "some validation tokens go unread");
        var score = Evaluator.Validate(model, corpus, maxBatchSize: 4, sequenceLength: 7);

        // Then its bits per character are log2(V) for every validation token, over the validation text's characters
        var tokens = corpus.Split.Validation.Length;
        Assert.Equal(Math.Log(corpus.Vocabulary.Count), score.Loss, 5);
        Assert.Equal(Math.Log2(corpus.Vocabulary.Count) * tokens / corpus.ValidationCharacters, score.BitsPerCharacter!.Value, 5);
        Assert.Equal(tokenizer == "characters", tokens == corpus.ValidationCharacters);
    }
}
