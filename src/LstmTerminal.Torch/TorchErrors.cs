using System.Runtime.InteropServices;

namespace LstmTerminal.Torch;

/// <summary>
/// libtorch's errors arrive as <see cref="ExternalException"/> whose message is the C++ error followed by kilobytes of
/// native stack ("Exception raised from ... frame #0: ..."); the user sees only its first sentence.
/// </summary>
public static class TorchErrors
{
    private const string StackMarker = "Exception raised from";

    // TorchSharp quotes what it read from a damaged file (a "type name" of kilobytes of garbage): keep a readable line.
    private const int MaxLength = 240;

    /// <summary>The message of <paramref name="exception"/> without libtorch's native stack, on one line.</summary>
    public static string Summary(Exception exception) => Summary(exception.Message);

    /// <summary><paramref name="message"/> without libtorch's native stack, on one line.</summary>
    public static string Summary(string message)
    {
        var stack = message.IndexOf(StackMarker, StringComparison.Ordinal);
        if (stack >= 0)
        {
            message = message[..stack];
        }

        return string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary><see cref="Summary(Exception)"/> cut to a short line: for TorchSharp's words on a file it could not read.</summary>
    public static string Excerpt(Exception exception)
    {
        var line = Summary(exception);
        return line.Length <= MaxLength ? line : string.Concat(line.AsSpan(0, MaxLength - 1), "…");
    }

    /// <summary>Whether libtorch could not allocate a tensor (its CPU allocator's words, which TorchSharp passes on).</summary>
    public static bool IsOutOfMemory(Exception exception) =>
        exception is OutOfMemoryException
        || (exception is ExternalException
            && (exception.Message.Contains("not enough memory", StringComparison.OrdinalIgnoreCase)
                || exception.Message.Contains("can't allocate memory", StringComparison.OrdinalIgnoreCase)));
}
