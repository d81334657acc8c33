namespace LstmTerminal.Core.Data;

/// <summary>
/// How a token stream is cut into <c>Streams</c> contiguous rows, each read in windows of <c>WindowLength</c>
/// tokens. Row r starts at <c>r * RowLength + offset</c>; every target is the next token of the running text,
/// so the last target of the last row is still inside the data (no wrap-around, no padding).
/// </summary>
public sealed record StreamLayout(int Streams, int WindowLength, int RowLength, int Windows)
{
    /// <summary>Tokens a row may be shifted by without running out of data: the per-epoch variation.</summary>
    public int Slack => RowLength - Windows * WindowLength;

    public static StreamLayout For(int tokenCount, int streams, int windowLength)
    {
        var rowLength = Math.Max(0, tokenCount - 1) / streams;
        var windows = rowLength / windowLength;
        if (windows == 0)
        {
            throw new InsufficientDataException(
                $"The text has {tokenCount} tokens, but one batch of {streams} streams x {windowLength} tokens needs at least {streams * windowLength + 1}. " +
                "Use a larger corpus or lower Training:BatchSize or Training:SequenceLength.");
        }

        return new StreamLayout(streams, windowLength, rowLength, windows);
    }

    /// <summary>The largest layout that fits, for data (like the validation tail) that may be smaller than a batch.</summary>
    public static StreamLayout Fitting(int tokenCount, int maxStreams, int windowLength)
    {
        var usable = Math.Max(0, tokenCount - 1);
        var length = Math.Min(windowLength, usable);
        if (length == 0)
        {
            throw new InsufficientDataException($"The text has {tokenCount} tokens; at least 2 are needed to score a model.");
        }

        var streams = Math.Clamp(usable / length, 1, maxStreams);
        return For(tokenCount, streams, length);
    }
}
