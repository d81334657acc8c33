namespace LstmTerminal.Corpus.TextFile;

/// <summary>
/// Recognises UTF-16 text at the start of a file: by its byte order mark, or without one by its zero bytes. Mostly
/// ASCII text in UTF-16 has a zero high byte in most code units, always on the same side of each pair; those zeros are
/// valid UTF-8 (NUL characters), so without this such a file would pass as UTF-8 prose full of NULs.
/// </summary>
internal static class Utf16Signature
{
    /// <summary>How much of the file's start is looked at.</summary>
    public const int SampleLength = 4096;

    /// <returns>
    /// The name iconv knows the encoding by (UTF-16 when a byte order mark says the byte order, else UTF-16LE or
    /// UTF-16BE), or null when the sample does not look like UTF-16.
    /// </returns>
    public static string? EncodingOf(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "UTF-16";
        }

        var units = sample.Length / 2;
        int zeroLow = 0, zeroHigh = 0;
        for (var i = 0; i < units; i++)
        {
            zeroLow += sample[2 * i] == 0 ? 1 : 0;
            zeroHigh += sample[2 * i + 1] == 0 ? 1 : 0;
        }

        return MostlyZero(zeroHigh, zeroLow, units) ? "UTF-16LE"
            : MostlyZero(zeroLow, zeroHigh, units) ? "UTF-16BE"
            : null;
    }

    /// <summary>Zeros in at least a quarter of the code units on one side and hardly any on the other (a file of zeros is not text of any kind).</summary>
    private static bool MostlyZero(int side, int otherSide, int units) =>
        side > 0 && side * 4 >= units && otherSide * 8 <= side;
}
