using System.Text;

namespace LstmTerminal.Core.Checkpoints;

/// <summary>
/// Reads and writes <c>vocab.json</c>: the checkpoint's tokenizer state, text in the tokenizer's own format, read
/// back only up to a size cap. For <c>words</c> it is the word list every earlier build wrote under that name.
/// </summary>
public static class TokenizerStateFile
{
    public const long MaxBytes = 256L * 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Write(string state, string path) => File.WriteAllText(path, state, Utf8);

    /// <summary>Why <see cref="Read"/> could never give <paramref name="state"/> back (not Unicode text, or past the cap), or null when it can.</summary>
    public static string? Unreadable(string state)
    {
        // Each character takes a byte at least; this also keeps the count below int's range.
        if (state.Length > MaxBytes)
        {
            return $"has {state.Length} characters, more than the {MaxBytes} bytes a checkpoint reads back";
        }

        int bytes;
        try
        {
            bytes = Utf8.GetByteCount(state);
        }
        catch (EncoderFallbackException e)
        {
            return $"is no valid Unicode text ({e.Message})";
        }

        return bytes > MaxBytes ? $"is {bytes} bytes, more than the {MaxBytes} a checkpoint reads back" : null;
    }

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
