using LstmTerminal.Core.Writing;
using LstmTerminal.Testing;

namespace LstmTerminal.Core.Tests.Writing;

public sealed class ManuscriptTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void Open_RestoresEachAdditionWithItsLineBreaks_AndUndoTakesBackAWholeOne()
    {
        // Given two character-level additions with line breaks (one a CRLF) and a typed backslash
        var manuscript = Manuscript.Open(_folder.Path);
        manuscript.Append("ROMEO:\nBut soft!\r\nWhat light");
        manuscript.Append(@"JULIET:\nAy me, a \ and a \n" + "\nO Romeo");

        // When the manuscript is opened again, as at the next start, and the last addition is taken back
        var restored = Manuscript.Open(_folder.Path);
        var additions = restored.Additions;
        var undone = restored.Undo();

        // Then both additions came back as written, and /undo removed the whole of the second, on disk too
        Assert.Equal(["ROMEO:\nBut soft!\nWhat light", @"JULIET:\nAy me, a \ and a \n" + "\nO Romeo"], additions);
        Assert.Equal(additions[1], undone);
        Assert.Equal(["ROMEO:\nBut soft!\nWhat light"], Manuscript.Open(_folder.Path).Additions);
    }

    [Fact]
    public void SaveAs_WritesThePlainText_EachAdditionFromANewLine()
    {
        // Given two additions with line breaks
        var manuscript = Manuscript.Open(_folder.Path);
        manuscript.Append("ROMEO:\nBut soft!");
        manuscript.Append("JULIET:\nAy me");

        // When it is saved as a file
        var file = Path.Combine(_folder.Path, "play.txt");
        manuscript.SaveAs(file, overwrite: false);

        // Then the file is the text as a reader sees it: no header, no escapes
        Assert.Equal("ROMEO:\nBut soft!\nJULIET:\nAy me\n", File.ReadAllText(file));
    }

    [Fact]
    public void Open_ReadsAFileKeptBeforeAdditionsHadLineBreaks_OneAdditionPerLine()
    {
        // Given a manuscript kept by an earlier version: one addition per line, no header, a backslash typed as is
        File.WriteAllText(Path.Combine(_folder.Path, Manuscript.FileName), "thou art more\r\n" + @"to be or not\n to be" + "\n");

        // When it is opened
        var manuscript = Manuscript.Open(_folder.Path);

        // Then each line is one addition, exactly as written
        Assert.Equal(["thou art more", @"to be or not\n to be"], manuscript.Additions);
    }

    [Theory]
    [InlineData(3, "JULIET:\nAy me")]
    [InlineData(4, "soft!\nJULIET:\nAy me")]
    [InlineData(100, "ROMEO:\nBut soft!\nJULIET:\nAy me")]
    public void Context_IsTheManuscriptFromItsNthLastWord_WithItsLineBreaks(int words, string context)
    {
        // Given two additions with line breaks
        var manuscript = Manuscript.Open(_folder.Path);
        manuscript.Append("ROMEO:\nBut soft!");
        manuscript.Append("JULIET:\nAy me  ");

        // When its last words are read as context, then they come as written
        Assert.Equal(context, manuscript.Context(words));
    }

    public void Dispose() => _folder.Dispose();
}
