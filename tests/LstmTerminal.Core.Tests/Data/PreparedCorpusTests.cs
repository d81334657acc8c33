using System.Globalization;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Tests.Data;

/// <summary>The split on raw text: every token level validated on the same characters, the word level's figures kept.</summary>
public sealed class PreparedCorpusTests
{
    private static readonly Lazy<Corpus> Shakespeare = new(() => new Corpus("tinyshakespeare", File.ReadAllText(SharedData.TinyShakespeare), "file"));

    [Fact]
    public void From_ValidatesEveryTokenizerOnTheSameLines_OnTinyShakespeare()
    {
        // Given tinyshakespeare prepared at the three shipped token levels
        var corpus = Shakespeare.Value;
        var prepared = new[] { TokenizerNames.Words, "characters", "subwords" }
            .Select(name => PreparedCorpus.From(corpus, TokenizerPlugins.Learn(name, corpus.Text), validationFraction: 0.1))
            .ToList();

        // Then each validates on the same text, the last tenth of the characters from the start of a line
        var text = prepared[0].ValidationText;
        Assert.All(prepared, p => Assert.Equal(text, p.ValidationText));
        Assert.Equal('\n', corpus.Text[^(text.Length + 1)]);
        var plainTail = (int)Math.Round(corpus.Text.Length * 0.1);
        Assert.InRange(text.Length, plainTail - 200, plainTail);
        Assert.All(prepared, p => Assert.Equal(text.Length, p.ValidationCharacters));

        // And its validation ids are that text's own encoding, not a tail of the whole text's ids
        Assert.All(prepared, p => Assert.Equal(p.Vocabulary.Encode(text).Ids, p.Split.Validation));
    }

    [Fact]
    public void From_KeepsTheWordLevelsVocabularyAndUnknownRate_OnTinyShakespeare()
    {
        // Given the recipe's words learned from the whole text
        var corpus = Shakespeare.Value;
        var words = TokenizerPlugins.Words(corpus.Text, minWordFrequency: 5);
        var whole = words.Encode(corpus.Text);

        // When prepared in two parts
        var prepared = PreparedCorpus.From(corpus, words, validationFraction: 0.1);

        // Then no word is cut or lost at the seam: the same words, the same unknown ones (vocabulary 2,826, 9.0 % unknown)
        Assert.Equal(2_826, prepared.Vocabulary.Count);
        Assert.Equal((whole.Ids.Length, whole.Unknown.Count), (prepared.WordCount, prepared.UnknownCount));
        Assert.Equal("9.0 %", prepared.UnknownRate.ToString("P1", CultureInfo.InvariantCulture));
        Assert.Equal(whole.Ids, prepared.Split.Training.Concat(prepared.Split.Validation));
    }

    [Fact]
    public void BitsPerCharacter_IsGivenOnlyWhenTheTokensSpellTheValidationText()
    {
        // Given tinyshakespeare at the word level (lower case, no punctuation) and at the character and subword levels
        var corpus = Shakespeare.Value;
        var words = PreparedCorpus.From(corpus, TokenizerPlugins.Words(corpus.Text, minWordFrequency: 5), validationFraction: 0.1);
        var characters = PreparedCorpus.From(corpus, TokenizerPlugins.Learn("characters", corpus.Text), validationFraction: 0.1);
        var subwords = PreparedCorpus.From(corpus, TokenizerPlugins.Learn("subwords", corpus.Text), validationFraction: 0.1);

        // When a mean loss of ln 2 nats per token is turned into bits per character
        // Then the words give none; the others give one bit per token, times tokens per character
        Assert.False(words.ValidationSpelledByTokens);
        Assert.Null(words.BitsPerCharacter(Math.Log(2)));
        Assert.Equal(1.0, characters.BitsPerCharacter(Math.Log(2))!.Value, 12);
        Assert.Equal((double)subwords.Split.Validation.Length / subwords.ValidationCharacters, subwords.BitsPerCharacter(Math.Log(2))!.Value, 12);
        Assert.InRange(subwords.Split.Validation.Length, 1, subwords.ValidationCharacters / 2);
    }

    [Fact]
    public void ValidationCharacters_CountsTextElements_NotCodeUnits()
    {
        // Given a last line with a combining accent, a skin-toned emoji (four code units) and a CRLF
        const string last = "e\u0301t\u00E9 \U0001F44D\U0001F3FD!\r\n";
        var corpus = new Corpus("marks", "first line\r\n" + last, "memory");

        // When its last line validates at the character level
        var prepared = PreparedCorpus.From(corpus, TokenizerPlugins.Learn("characters", corpus.Text), validationFraction: 0.5);

        // Then its characters are those a person counts: é t é space 👍🏽 ! CRLF
        Assert.Equal(last, prepared.ValidationText);
        Assert.Equal(7, prepared.ValidationCharacters);
        Assert.True(prepared.ValidationSpelledByTokens);
    }
}
