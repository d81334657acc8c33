using System.Text;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Corpus.TextFile;

/// <summary>
/// Reads files as strict UTF-8, reporting bytes read across all of them. Strict, because a file in another
/// encoding would otherwise turn into replacement characters and silently become unknown words. Two passes: the
/// first checks the bytes and counts the characters, the second decodes straight into a string of that length, so a
/// large file costs its string and nothing more (a builder and its copy would cost twice as much).
/// </summary>
internal sealed class Utf8FileReader(long bytesTotal, IProgress<CorpusLoadProgress>? progress)
{
    private const int ChunkSize = 81920;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private long _bytesDone;

    public async Task<string> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, useAsync: true);
        var start = await StartOfTextAsync(stream, file, cancellationToken);
        _bytesDone += start;
        var length = await CountCharactersAsync(stream, file, cancellationToken);
        stream.Position = start;
        return string.Create(length, (stream, file), static (characters, state) => Decode(state.stream, state.file, characters));
    }

    /// <summary>The offset after a byte order mark, which is no part of the text; refuses UTF-16, which may pass for UTF-8.</summary>
    private static async Task<long> StartOfTextAsync(FileStream stream, FileInfo file, CancellationToken cancellationToken)
    {
        var buffer = new byte[Utf16Signature.SampleLength];
        var head = buffer.AsSpan(0, await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken));
        if (Utf16Signature.EncodingOf(head) is { } utf16)
        {
            throw new CorpusUnavailableException($"{file.FullName} is UTF-16 text, not UTF-8. Convert it to UTF-8, e.g. iconv -f {utf16} -t UTF-8.");
        }

        var start = head.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        stream.Position = start;
        return start;
    }

    private async Task<int> CountCharactersAsync(FileStream stream, FileInfo file, CancellationToken cancellationToken)
    {
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[ChunkSize];
        // Decoded and thrown away: GetCharCount would not carry a character split between chunks to the next one.
        var scratch = new char[StrictUtf8.GetMaxCharCount(ChunkSize)];
        long offset = stream.Position;
        long characters = 0;
        int read;
        do
        {
            read = await stream.ReadAsync(bytes, cancellationToken);
            try
            {
                characters += decoder.GetChars(bytes, 0, read, scratch, 0, flush: read == 0);
            }
            catch (DecoderFallbackException e)
            {
                throw new CorpusUnavailableException(
                    $"{file.FullName} is not valid UTF-8 (bad byte near offset {offset + Math.Max(e.Index, 0)}). Convert it to UTF-8, e.g. iconv -f LATIN1 -t UTF-8.",
                    e);
            }

            offset += read;
            _bytesDone += read;
            progress?.Report(new CorpusLoadProgress("reading", _bytesDone, bytesTotal));
        }
        while (read > 0);

        return characters <= Array.MaxLength
            ? (int)characters
            : throw new CorpusUnavailableException($"{file.FullName} holds {characters:N0} characters, more than one text can hold. Split it into smaller files in a folder.");
    }

    /// <summary>Second pass, synchronous because <c>string.Create</c> fills the string in a callback.</summary>
    private static void Decode(FileStream stream, FileInfo file, Span<char> characters)
    {
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[ChunkSize];
        var written = 0;
        int read;
        try
        {
            do
            {
                read = stream.Read(bytes);
                written += decoder.GetChars(bytes.AsSpan(0, read), characters[written..], flush: read == 0);
            }
            while (read > 0);
        }
        catch (Exception e) when (e is ArgumentException or DecoderFallbackException)
        {
            throw ChangedWhileRead(file, e);
        }

        if (written != characters.Length)
        {
            throw ChangedWhileRead(file, cause: null);
        }
    }

    private static CorpusUnavailableException ChangedWhileRead(FileInfo file, Exception? cause)
    {
        var message = $"{file.FullName} changed while it was being read. Load it again once nothing writes to it.";
        return cause is null ? new CorpusUnavailableException(message) : new CorpusUnavailableException(message, cause);
    }
}
