using LstmTerminal.Interactive;

namespace LstmTerminal.Tests.Interactive;

public sealed class UnlikelyMarksTests
{
    private static string Marked(bool textHasQuestionMarks, params (string Piece, bool Unlikely)[] pieces)
    {
        var marks = new UnlikelyMarks(textHasQuestionMarks);
        foreach (var (piece, unlikely) in pieces)
        {
            marks.Append(piece, unlikely);
        }

        return marks.Text;
    }

    [Fact]
    public void Text_MarksTheWholeWordOnce_When_CharactersOfItAreUnlikely()
    {
        // Given "Where art?" at the character level, with two unlikely letters in "Where" and none in "art?"
        (string, bool)[] pieces = [("W", false), ("h", true), ("e", false), ("r", true), ("e", false), (" ", false), ("a", false), ("r", false), ("t", false), ("?", false)];

        // When
        var text = Marked(textHasQuestionMarks: true, pieces);

        // Then one mark after the word, none inside it, and the text's own question mark stays unmarked
        Assert.Equal("Where⸮ art?", text);
    }

    [Fact]
    public void Text_MarksAnUnlikelyWord_WithAQuestionMark_AtTheWordLevel()
    {
        // Given words as pieces (a space before every word but the first)
        // When the second is unlikely
        var text = Marked(false, ("told", false), (" vincentio", true), (" sir", false));

        // Then the mark is today's trailing "?"
        Assert.Equal("told vincentio? sir", text);
    }

    [Fact]
    public void Text_MarksTheWordBeforeAnUnlikelyLineBreak_AndTheWordStillGrowing()
    {
        // Given "ROMEO" then an unlikely line break, then "Ay" with an unlikely "y" still being written
        // When
        var text = Marked(true, ("ROMEO", false), ("\n", true), ("A", false), ("y", true));

        // Then
        Assert.Equal("ROMEO⸮\nAy⸮", text);
    }
}
