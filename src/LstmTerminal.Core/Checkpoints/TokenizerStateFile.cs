using System.Text;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// Reads and writes <c>vocab.json</c>: the checkpoint's tokenizer state, text in the tokenizer's own format, read
/// back only up to a size cap. For <c>words</c> it is the word list every earlier build wrote under that name.
/// </summary>
public static class TokenizerStateFile
{
    private const long MaxBytes = 256L * 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Write(string state, string path) => File.WriteAllText(path, state, Utf8);

    /// <exception cref="InvalidDataException">Missing, larger than the cap or not UTF-8.</exception>
    public static string Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InvalidDataException($"{path} is missing.");
        }

        if (info.Length > MaxBytes)
        {
            throw new InvalidDataException($"{path} is {info.Length} bytes, more than a vocabulary file can be.");
        }

        try
        {
            return File.ReadAllText(path, Utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{path} is not UTF-8 text: {e.Message}", e);
        }
    }
}
