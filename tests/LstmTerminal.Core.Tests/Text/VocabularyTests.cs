using LstmTerminal.Core.Tests.Support;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Tests.Text;

public sealed class VocabularyTests
{
    [Fact]
    public void Build_KeepsWordsSeenMoreThanTheMinimum_AndReservesIdZero()
    {
        // Given "a" x3, "b" x2, "c" x1
        var words = "a a a b b c".Split(' ');

        // When the minimum frequency is 1
        var vocabulary = Vocabulary.Build(words, minWordFrequency: 1);

        // Then only a and b are known, and id 0 is the unknown word
        Assert.Equal(3, vocabulary.Count);
        Assert.Equal(Vocabulary.UnknownWord, vocabulary.WordOf(0));
        Assert.Equal(1, vocabulary.IdOf("a"));
        Assert.Equal(2, vocabulary.IdOf("b"));
        Assert.Equal(Vocabulary.UnknownId, vocabulary.IdOf("c"));
    }

    [Fact]
    public void Build_IsDeterministic_RegardlessOfFirstAppearance()
    {
        var first = Vocabulary.Build("z y x z y x".Split(' '), 0);
        var second = Vocabulary.Build("x y z x y z".Split(' '), 0);

        Assert.Equal(first.KnownWords, second.KnownWords);
        Assert.Equal(["x", "y", "z"], first.KnownWords);
    }

    [Fact]
    public void File_RoundTrips()
    {
        using var temp = new TempDirectory();
        var vocabulary = Vocabulary.Build(TinyCorpus.Text().Split(' '), 1);

        VocabularyFile.Write(vocabulary, temp.Combine("vocab.json"));
        var read = VocabularyFile.Read(temp.Combine("vocab.json"));

        Assert.Equal(vocabulary.KnownWords, read.KnownWords);
    }

    [Fact]
    public void File_IsRefused_WhenItIsNotAVocabulary()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("vocab.json"), "{\"formatVersion\": 9, \"words\": []}");

        var error = Assert.Throws<InvalidDataException>(() => VocabularyFile.Read(temp.Combine("vocab.json")));
        Assert.Contains("format version 9", error.Message);
    }

    [Fact]
    public void File_IsRefusedNamingTheId_WhenAWordIsNull()
    {
        // Given a vocabulary file with null where a word should be
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("vocab.json"), "{\"formatVersion\": 1, \"words\": [\"thou\", null, \"art\"]}");

        // When it is read, then the refusal names the position, not a .NET parameter
        var error = Assert.Throws<InvalidDataException>(() => VocabularyFile.Read(temp.Combine("vocab.json")));
        Assert.Contains("null at position 1 of its word list", error.Message);
    }
}
