using LstmTerminal.Abstractions;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Data;

/// <summary>A corpus tokenised against a vocabulary and split for training and validation.</summary>
public sealed record PreparedCorpus(Corpus Source, Vocabulary Vocabulary, TokenSplit Split, int WordCount, int UnknownCount)
{
    /// <summary>Share of corpus words that map to the unknown id.</summary>
    public double UnknownRate => WordCount == 0 ? 0 : (double)UnknownCount / WordCount;

    /// <summary>Normalises and encodes the corpus; builds a vocabulary unless one is given (a resumed or loaded model).</summary>
    public static PreparedCorpus From(Corpus corpus, Vocabulary? vocabulary, int minWordFrequency, double validationFraction)
    {
        var words = TextNormalizer.Tokenize(corpus.Text);
        if (words.Count == 0)
        {
            throw new InsufficientDataException($"The corpus '{corpus.Title}' ({corpus.Source}) contains no words.");
        }

        vocabulary ??= Vocabulary.Build(words, minWordFrequency);
        var ids = vocabulary.Encode(words);
        var unknown = ids.Count(id => id == Vocabulary.UnknownId);
        return new PreparedCorpus(corpus, vocabulary, TokenSplit.FromTail(ids, validationFraction), words.Count, unknown);
    }
}
