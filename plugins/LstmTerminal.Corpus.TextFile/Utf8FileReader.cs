using System.Text;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Corpus.TextFile;

/// <summary>
/// Reads files as strict UTF-8 in chunks, reporting bytes read across all of them. Strict, because a file in another
/// encoding would otherwise turn into replacement characters and silently become unknown words.
/// </summary>
internal sealed class Utf8FileReader(long bytesTotal, IProgress<CorpusLoadProgress>? progress)
{
    private const int ChunkSize = 81920;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private long _bytesDone;

    public async Task<string> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var decoder = StrictUtf8.GetDecoder();
        var text = new StringBuilder();
        var bytes = new byte[ChunkSize];
        var chars = new char[StrictUtf8.GetMaxCharCount(ChunkSize)];
        long offset = 0;
        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, useAsync: true);
        int read;
        do
        {
            read = await stream.ReadAsync(bytes, cancellationToken);
            try
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                text.Append(chars, 0, count);
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

        return WithoutByteOrderMark(text);
    }

    private static string WithoutByteOrderMark(StringBuilder text) =>
        text.Length > 0 && text[0] == '\uFEFF' ? text.ToString(1, text.Length - 1) : text.ToString();
}
