using LstmTerminal.Abstractions;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Data;

/// <summary>
/// A corpus tokenised against a vocabulary and split for training and validation. It keeps the corpus's title and
/// source but not its text, which for a large corpus outweighs everything else and is not needed once encoded.
/// </summary>
public sealed record PreparedCorpus
{
    public required string Title { get; init; }

    /// <summary>Where the text came from, as the provider names it (recorded in checkpoints).</summary>
    public required string Source { get; init; }

    public required GuardedVocabulary Vocabulary { get; init; }

    public required TokenSplit Split { get; init; }

    public required int WordCount { get; init; }

    /// <summary>Corpus words that map to the unknown id.</summary>
    public required int UnknownCount { get; init; }

    /// <summary>Share of corpus words that map to the unknown id.</summary>
    public double UnknownRate => WordCount == 0 ? 0 : (double)UnknownCount / WordCount;

    /// <summary>Encodes the corpus with the vocabulary its tokenizer learned (or a checkpoint's, when resuming or evaluating).</summary>
    /// <exception cref="InsufficientDataException">The corpus encodes into no token.</exception>
    /// <exception cref="TokenizerException">The tokenizer failed or answered out of bounds.</exception>
    public static PreparedCorpus From(Corpus corpus, GuardedVocabulary vocabulary, double validationFraction)
    {
        var encoded = vocabulary.Encode(corpus.Text);
        var ids = encoded.Ids;
        if (ids.Length == 0)
        {
            throw new InsufficientDataException($"The corpus '{corpus.Title}' ({corpus.Source}) contains no words.");
        }

        return new PreparedCorpus
        {
            Title = corpus.Title,
            Source = corpus.Source,
            Vocabulary = vocabulary,
            Split = TokenSplit.FromTail(ids, validationFraction),
            WordCount = ids.Length,
            UnknownCount = encoded.Unknown.Count,
        };
    }
}
