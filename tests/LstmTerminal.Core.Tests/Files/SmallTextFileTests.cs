using LstmTerminal.Core.Files;
using LstmTerminal.Core.Game;
using LstmTerminal.Core.Writing;

namespace LstmTerminal.Core.Tests.Files;

/// <summary>The small files kept beside a checkpoint (manuscript, best game): only regular files of a sane size are read or replaced.</summary>
public sealed class SmallTextFileTests
{
    [Fact]
    public void Read_RefusesAFifo_InsteadOfWaitingForAWriter()
    {
        // Given a FIFO where the manuscript belongs: reading it would block the terminal UI at start-up
        using var temp = new TempDirectory();
        Assert.True(HostCommand.TryRun("mkfifo", temp.Combine(Manuscript.FileName)), "mkfifo failed");

        // When the manuscript and the best game are opened, then the manuscript is refused and the best game is none
        var error = Assert.Throws<IOException>(() => Manuscript.Open(temp.Path));
        Assert.Contains("not a regular file", error.Message);
        Assert.Null(new BestScoreFile(temp.Path).Read());
    }

    [Fact]
    public void Read_RefusesAFileLargerThanItsLimit()
    {
        // Given a file past the limit
        using var temp = new TempDirectory();
        var path = temp.Combine("big.txt");
        File.WriteAllText(path, new string('x', 2048));

        // When it is read with a 1 KB limit, then it is refused; a missing file is none
        Assert.Throws<IOException>(() => SmallTextFile.Read(path, maxBytes: 1024));
        Assert.Null(SmallTextFile.Read(temp.Combine("absent.txt"), maxBytes: 1024));
    }

    [Fact]
    public void Write_LeavesAFifoInPlace_InsteadOfRenamingOverIt()
    {
        // Given a FIFO at the path /save! was asked to overwrite (as it would be /dev/null)
        using var temp = new TempDirectory();
        var path = temp.Combine("out.txt");
        Assert.True(HostCommand.TryRun("mkfifo", path), "mkfifo failed");

        // When the text is written over it, then it is refused and the FIFO is still there
        Assert.Throws<IOException>(() => AtomicTextFile.Write(path, "to be", overwrite: true));
        Assert.True(HostCommand.TryRun("test", "-p", path), "the FIFO was replaced");
        Assert.Equal([path], Directory.GetFileSystemEntries(temp.Path));
    }
}
