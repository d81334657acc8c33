using System.Text;
using LstmTerminal.Abstractions;
using LstmTerminal.Plugins.Tests.Support;

namespace LstmTerminal.Plugins.Tests;

public sealed class TextFileProviderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task LoadAsync_ReturnsTheText_When_PathNamesAUtf8File()
    {
        // Given a file with a byte-order mark and non-ASCII text
        var path = _temp.Combine("sonnet.txt");
        await File.WriteAllTextAsync(path, "Shall I compare thee — to a summer’s day?\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var progress = new CollectingProgress<CorpusLoadProgress>();

        // When
        var corpus = await ShippedPlugins.CorpusProvider("text-file").LoadAsync(new CorpusRequest(path), progress, CancellationToken.None);

        // Then
        Assert.Equal("Shall I compare thee — to a summer’s day?\n", corpus.Text);
        Assert.Equal(path, corpus.Source);
        var last = progress.Reports[^1];
        Assert.Equal(new FileInfo(path).Length, last.BytesDone);
        Assert.Equal(last.BytesDone, last.BytesTotal);
    }

    [Fact]
    public async Task LoadAsync_KeepsEveryCharacter_OfAFileOfManyChunks_WithMultiByteCharactersAcrossChunkEdges()
    {
        // Given about 1 MB where 1-, 2-, 3- and 4-byte characters fall on every possible chunk boundary
        var line = new StringBuilder();
        for (var i = 0; i < 40_000; i++)
        {
            line.Append("ab é 語 😀 ").Append(i % 7 == 0 ? "\n" : string.Empty);
        }

        var text = line.ToString();
        var path = _temp.Combine("large.txt");
        await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        // When
        var corpus = await ShippedPlugins.CorpusProvider("text-file").LoadAsync(new CorpusRequest(path), null, CancellationToken.None);

        // Then
        Assert.Equal(text, corpus.Text);
    }

    [Fact]
    public async Task LoadAsync_JoinsTxtFilesInNameOrder_When_PathNamesAFolder()
    {
        // Given
        await File.WriteAllTextAsync(_temp.Combine("b.txt"), "second");
        await File.WriteAllTextAsync(_temp.Combine("a.txt"), "first");
        await File.WriteAllTextAsync(_temp.Combine("notes.md"), "ignored");

        // When
        var corpus = await ShippedPlugins.CorpusProvider("text-file").LoadAsync(new CorpusRequest(_temp.Path), null, CancellationToken.None);

        // Then
        Assert.Equal("first\nsecond", corpus.Text);
    }

    [Fact]
    public async Task LoadAsync_ReadsTheSettingPath_When_TheRequestNamesNone()
    {
        // Given
        var path = _temp.Combine("play.txt");
        await File.WriteAllTextAsync(path, "to be or not to be");
        var provider = ShippedPlugins.CorpusProvider("text-file", ("Path", path));

        // When
        var corpus = await provider.LoadAsync(new CorpusRequest(), null, CancellationToken.None);

        // Then
        Assert.Equal("to be or not to be", corpus.Text);
    }

    [Fact]
    public async Task LoadAsync_ExplainsTheFix_When_NoPathIsGiven()
    {
        // Given
        var provider = ShippedPlugins.CorpusProvider("text-file");

        // When
        var error = await Assert.ThrowsAsync<CorpusUnavailableException>(() => provider.LoadAsync(new CorpusRequest(), null, CancellationToken.None));

        // Then
        Assert.Contains("--corpus-path", error.Message);
        Assert.Contains("Plugins:text-file:Path", error.Message);
    }

    [Fact]
    public async Task LoadAsync_NamesThePath_When_ItDoesNotExist()
    {
        // Given
        var missing = _temp.Combine("missing.txt");

        // When
        var error = await Assert.ThrowsAsync<CorpusUnavailableException>(
            () => ShippedPlugins.CorpusProvider("text-file").LoadAsync(new CorpusRequest(missing), null, CancellationToken.None));

        // Then
        Assert.Contains(missing, error.Message);
    }

    [Theory]
    [InlineData("utf-16le", true, "iconv -f UTF-16 -t UTF-8")]
    [InlineData("utf-16be", true, "iconv -f UTF-16 -t UTF-8")]
    [InlineData("utf-16le", false, "iconv -f UTF-16LE -t UTF-8")]
    [InlineData("utf-16be", false, "iconv -f UTF-16BE -t UTF-8")]
    public async Task LoadAsync_RecognisesUtf16_WithOrWithoutAByteOrderMark_AndSaysHowToConvertIt(string encodingName, bool byteOrderMark, string hint)
    {
        // Given English in UTF-16: without a mark, its zero high bytes are valid UTF-8 and would pass as NUL characters
        var encoding = Encoding.GetEncoding(encodingName);
        var path = _temp.Combine("utf16.txt");
        await File.WriteAllBytesAsync(path, [.. byteOrderMark ? encoding.GetPreamble() : [], .. encoding.GetBytes("Shall I compare thee to a summer's day?\n")]);

        // When
        var error = await Assert.ThrowsAsync<CorpusUnavailableException>(
            () => ShippedPlugins.CorpusProvider("text-file").LoadAsync(new CorpusRequest(path), null, CancellationToken.None));

        // Then
        Assert.Contains($"{path} is UTF-16 text", error.Message);
        Assert.Contains(hint, error.Message);
        Assert.DoesNotContain("LATIN1", error.Message);
    }

    [SkippableFact]
    public async Task LoadAsync_RefusesANamedPipe_WithoutWaitingForAWriter()
    {
        // Given a FIFO: opening it for reading would block until something writes to it
        Skip.If(OperatingSystem.IsWindows(), "Named pipes at a path are a Unix thing.");
        var path = _temp.Combine("pipe.txt");
        SpecialFiles.MakeFifo(path);

        // When
        var error = await RefusalOf(path);

        // Then
        Assert.Contains(path, error.Message);
        Assert.Contains("named pipe", error.Message);
    }

    [SkippableFact]
    public async Task LoadAsync_RefusesADevice_InsteadOfReadingItForever()
    {
        Skip.IfNot(File.Exists(SpecialFiles.ZeroDevice), "No /dev/zero here.");

        var error = await RefusalOf(SpecialFiles.ZeroDevice);

        Assert.Contains(SpecialFiles.ZeroDevice, error.Message);
        Assert.Contains("device", error.Message);
    }

    [SkippableFact]
    public async Task LoadAsync_RefusesASocket()
    {
        Skip.If(OperatingSystem.IsWindows(), "Sockets at a path are a Unix thing.");
        var path = _temp.Combine("chat.txt");
        using var socket = SpecialFiles.BindSocket(path);

        var error = await RefusalOf(path);

        Assert.Contains(path, error.Message);
        Assert.Contains("socket", error.Message);
    }

    [SkippableFact]
    public async Task LoadAsync_RefusesAFolder_ThatHoldsANamedPipeOrALinkToADevice()
    {
        // Given a folder whose .txt files include a FIFO and a symbolic link to /dev/zero beside a good file
        Skip.If(OperatingSystem.IsWindows(), "Named pipes at a path are a Unix thing.");
        await File.WriteAllTextAsync(_temp.Combine("a.txt"), "first");
        SpecialFiles.MakeFifo(_temp.Combine("b.txt"));
        File.CreateSymbolicLink(_temp.Combine("c.txt"), SpecialFiles.ZeroDevice);

        // When
        var error = await RefusalOf(_temp.Path);

        // Then the first special file is named
        Assert.Contains(_temp.Combine("b.txt"), error.Message);
        Assert.Contains("named pipe", error.Message);
    }

    [SkippableFact]
    public async Task LoadAsync_NamesTheFileSystemsReason_ForADanglingLinkInTheFolder()
    {
        // Given a folder whose .txt files include a symbolic link to nothing
        Skip.If(OperatingSystem.IsWindows(), "Creating symbolic links needs privileges on Windows.");
        await File.WriteAllTextAsync(_temp.Combine("a.txt"), "first");
        File.CreateSymbolicLink(_temp.Combine("b.txt"), _temp.Combine("gone.txt"));

        // When
        var error = await RefusalOf(_temp.Path);

        // Then it is the user's path that cannot be read, not a broken plugin
        Assert.Contains("Cannot read the corpus", error.Message);
        Assert.Contains("b.txt", error.Message);
    }

    [SkippableFact]
    public async Task LoadAsync_ReadsASymbolicLinkToARegularFile()
    {
        Skip.If(OperatingSystem.IsWindows(), "Creating symbolic links needs privileges on Windows.");
        var target = _temp.Combine("real.txt");
        await File.WriteAllTextAsync(target, "to be or not to be");
        var link = _temp.Combine("link.txt");
        File.CreateSymbolicLink(link, target);

        var corpus = await ShippedPlugins.CorpusProvider("text-file").LoadAsync(new CorpusRequest(link), null, CancellationToken.None);

        Assert.Equal("to be or not to be", corpus.Text);
    }

    [Fact]
    public async Task LoadAsync_RejectsTheFile_When_ItIsNotUtf8()
    {
        // Given "café" in Latin-1: the lone 0xE9 byte is invalid UTF-8
        var path = _temp.Combine("latin1.txt");
        await File.WriteAllBytesAsync(path, [0x63, 0x61, 0x66, 0xE9, 0x0A]);

        // When
        var error = await Assert.ThrowsAsync<CorpusUnavailableException>(
            () => ShippedPlugins.CorpusProvider("text-file").LoadAsync(new CorpusRequest(path), null, CancellationToken.None));

        // Then
        Assert.Contains("not valid UTF-8", error.Message);
        Assert.Contains("offset 3", error.Message);
    }

    /// <summary>
    /// The refusal a load of <paramref name="path"/> ends in. The deadline only bounds a hang: a load that opens a
    /// FIFO blocks in the operating system, where no cancellation reaches it.
    /// </summary>
    private static async Task<CorpusUnavailableException> RefusalOf(string path)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var load = Task.Run(() => ShippedPlugins.CorpusProvider("text-file").LoadAsync(new CorpusRequest(path), null, deadline.Token));
        return await Assert.ThrowsAsync<CorpusUnavailableException>(() => load.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
