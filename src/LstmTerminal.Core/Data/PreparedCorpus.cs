using System.Globalization;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Data;

/// <summary>
/// A corpus split for training and validation on its raw text, then tokenised against a vocabulary. It keeps the
/// corpus's title, source and validation text but not the rest of its text, which for a large corpus outweighs
/// everything else and is not needed once encoded.
/// </summary>
public sealed record PreparedCorpus
{
    public required string Title { get; init; }

    /// <summary>Where the text came from, as the provider names it (recorded in checkpoints).</summary>
    public required string Source { get; init; }

    public required GuardedVocabulary Vocabulary { get; init; }

    public required TokenSplit Split { get; init; }

    /// <summary>The raw text the validation ids encode: the same characters whatever the tokenizer.</summary>
    public required string ValidationText { get; init; }

    /// <summary>User-perceived characters (Unicode text elements) of <see cref="ValidationText"/>.</summary>
    public required int ValidationCharacters { get; init; }

    /// <summary>
    /// Decoding the validation ids gives <see cref="ValidationText"/> back exactly. When not (a tokenizer that drops case or
    /// punctuation, or reads characters as unknown), the model predicts less than the text holds, and bits per character would flatter it.
    /// </summary>
    public required bool ValidationSpelledByTokens { get; init; }

    public required int WordCount { get; init; }

    /// <summary>Corpus words that map to the unknown id.</summary>
    public required int UnknownCount { get; init; }

    /// <summary>Share of corpus words that map to the unknown id.</summary>
    public double UnknownRate => WordCount == 0 ? 0 : (double)UnknownCount / WordCount;

    /// <summary>
    /// Bits per character of the validation text: the total negative log-likelihood of its tokens in nats (the mean over
    /// the tokens evaluated times all <see cref="TokenSplit.Validation"/> tokens) / <see cref="ValidationCharacters"/> / ln 2.
    /// Null when the tokens do not spell the text (see <see cref="ValidationSpelledByTokens"/>) or there is no validation text.
    /// </summary>
    /// <param name="meanLoss">Mean negative log-likelihood per validation token, in nats.</param>
    public double? BitsPerCharacter(double meanLoss) =>
        ValidationSpelledByTokens && ValidationCharacters > 0 ? meanLoss * Split.Validation.Length / ValidationCharacters / Math.Log(2) : null;

    /// <summary>Counts user-perceived characters without StringInfo's index of them (4 bytes a character of a large text).</summary>
    private static int TextElements(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (!text.IsEmpty)
        {
            text = text[StringInfo.GetNextTextElementLength(text)..];
            count++;
        }

        return count;
    }

    /// <summary>
    /// Cuts the corpus' raw text (<see cref="ValidationCut"/>) and encodes both parts with the vocabulary its tokenizer
    /// learned from the whole text (or a checkpoint's, when resuming or evaluating).
    /// </summary>
    /// <exception cref="InsufficientDataException">The corpus encodes into no token.</exception>
    /// <exception cref="TokenizerException">The tokenizer failed or answered out of bounds.</exception>
    public static PreparedCorpus From(Corpus corpus, GuardedVocabulary vocabulary, double validationFraction)
    {
        var start = ValidationCut.Offset(corpus.Text, validationFraction);
        var validationText = corpus.Text[start..];
        var training = vocabulary.Encode(corpus.Text.AsSpan(0, start));
        var validation = vocabulary.Encode(validationText);
        var tokens = training.Ids.Length + validation.Ids.Length;
        if (tokens == 0)
        {
            throw new InsufficientDataException($"The corpus '{corpus.Title}' ({corpus.Source}) contains no words.");
        }

        return new PreparedCorpus
        {
            Title = corpus.Title,
            Source = corpus.Source,
            Vocabulary = vocabulary,
            Split = new TokenSplit(training.Ids, validation.Ids),
            ValidationText = validationText,
            ValidationCharacters = TextElements(validationText),
            ValidationSpelledByTokens = string.Equals(vocabulary.Decode(validation.Ids), validationText, StringComparison.Ordinal),
            WordCount = tokens,
            UnknownCount = training.Unknown.Count + validation.Unknown.Count,
        };
    }
}
