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

    public required Vocabulary Vocabulary { get; init; }

    public required TokenSplit Split { get; init; }

    public required int WordCount { get; init; }

    /// <summary>Corpus words that map to the unknown id.</summary>
    public required int UnknownCount { get; init; }

    /// <summary>Share of corpus words that map to the unknown id.</summary>
    public double UnknownRate => WordCount == 0 ? 0 : (double)UnknownCount / WordCount;

    /// <summary>Normalises and encodes the corpus; builds a vocabulary unless one is given (a resumed or loaded model).</summary>
    public static PreparedCorpus From(Corpus corpus, Vocabulary? vocabulary, int minWordFrequency, double validationFraction)
    {
        var text = TextNormalizer.Index(corpus.Text);
        if (text.Sequence.Length == 0)
        {
            throw new InsufficientDataException($"The corpus '{corpus.Title}' ({corpus.Source}) contains no words.");
        }

        vocabulary ??= Vocabulary.FromCounts(text.DistinctWords.Select((word, i) => (word, text.Counts[i])), minWordFrequency);
        var idOfDistinct = text.DistinctWords.Select(vocabulary.IdOf).ToArray();
        // In place: the sequence is ours, and a second array the size of the corpus is what large corpora cannot spare.
        var ids = text.Sequence;
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = idOfDistinct[ids[i]];
        }

        return new PreparedCorpus
        {
            Title = corpus.Title,
            Source = corpus.Source,
            Vocabulary = vocabulary,
            Split = TokenSplit.FromTail(ids, validationFraction),
            WordCount = ids.Length,
            UnknownCount = ids.Count(id => id == Vocabulary.UnknownId),
        };
    }
}
