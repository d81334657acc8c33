using LstmTerminal.Core.Generation;
using LstmTerminal.Interactive;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Interactive;

/// <summary>The line under the prompt that marks, in place, what the model reads as unknown: the parts the tokenizer reported.</summary>
public sealed class SuggestionMarksTests
{
    private const char M = SuggestionText.UnknownMark;

    [Theory]
    [InlineData("KING€:", "    ~")]
    [InlineData("K€NG €", " ~   ~")]
    [InlineData(@"K€:\nA€", " ~    ~")]
    public void Marks_PutAMarkUnderEachUnknownCharacter_AtTheCharacterLevel(string typed, string expected)
    {
        // Given the character-level model ("€" is no character of its corpus), with or without a manuscript before the line
        foreach (var manuscript in new[] { string.Empty, "Ay€, me!\n" })
        {
            var context = manuscript + Core.Text.PrimeEscapes.Read(typed);

            // When the strip's answer for what was typed is marked
            var marks = SuggestionText.Marks(typed, context, Answer(Characters(), context));

            // Then the marks stand under the unknown characters as typed (after a \n typed as two), none for the manuscript's
            Assert.Equal(expected.Replace('~', M), marks);
        }
    }

    [Fact]
    public void Marks_StayUnderTheirPlace_WhileTheAnswerIsAKeystrokeOld_AndOnlyThere()
    {
        // Given the answer for "KING€"
        var answer = Answer(Characters(), "KING€");

        // When a character was typed after it, or one before the unknown character was taken back, before the next answer came
        var typedOn = SuggestionText.Marks("KING€:", "KING€:", answer);
        var editedBefore = SuggestionText.Marks("KIN€", "KIN€", answer);

        // Then the mark stays under the "€" typed on, and is not put where the text no longer agrees with the answer
        Assert.Equal($"    {M}", typedOn);
        Assert.Equal(string.Empty, editedBefore);
    }

    [Fact]
    public void Marks_PutMarksUnderAnUnknownWord_AtTheWordLevel_NotUnderThePunctuationBesideIt()
    {
        // Given a word-level model that knows "thou" and "art" but not "zyzzyva"
        const string typed = "thou zyzzyva, art";

        // When it is marked
        var marks = SuggestionText.Marks(typed, typed, Answer(BiasOnlyModel.Create(), typed));

        // Then exactly the word is marked
        Assert.Equal("     " + new string(M, "zyzzyva".Length), marks);
    }

    private static Generator Characters() => new CycleModel().TryCreateGenerator()!;

    private static Suggestions Answer(Generator model, string text)
    {
        var next = new Completion(model).Predict(text, SuggestionFeed.Count);
        return new Suggestions(text, next.Tokens, next.Prime.UnknownParts, null, next.Prime.IgnoresSpaces);
    }
}
