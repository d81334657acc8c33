namespace LstmTerminal.Core.Data;

/// <summary>
/// How a token sequence is cut into the batches of one epoch: <see cref="BatchSize"/> contiguous rows, each read
/// <see cref="SequenceLength"/> tokens per step, so the LSTM state carries from one step of a row to the next.
/// <code>
///   tokens  t0 t1 t2 ............................................ tN
///   row 0   [offset| step 0 | step 1 | ... | step S-1 |slack]
///   row 1                                [offset| step 0 | step 1 | ... ]
///   ...     (row r starts at r * RowLength + offset)
/// </code>
/// Every target is the next token of the running text, so the last target of the last row is still inside the
/// data (no wrap-around, no padding).
/// </summary>
public sealed record BatchLayout
{
    /// <summary>Rows trained side by side.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Tokens of each row per step.</summary>
    public required int SequenceLength { get; init; }

    /// <summary>Tokens each row may draw from.</summary>
    public required int RowLength { get; init; }

    public required int StepsPerEpoch { get; init; }

    /// <summary>Tokens a row may be shifted by without running out of data: the per-epoch variation.</summary>
    public int Slack => RowLength - StepsPerEpoch * SequenceLength;

    public static BatchLayout For(int tokenCount, int batchSize, int sequenceLength)
    {
        var rowLength = Math.Max(0, tokenCount - 1) / batchSize;
        var steps = rowLength / sequenceLength;
        if (steps == 0)
        {
            throw new InsufficientDataException(
                $"The text has {tokenCount} tokens, but one batch of {batchSize} rows x {sequenceLength} tokens needs at least {batchSize * sequenceLength + 1}. " +
                "Use a larger corpus or lower Training:BatchSize or Training:SequenceLength.");
        }

        return new BatchLayout { BatchSize = batchSize, SequenceLength = sequenceLength, RowLength = rowLength, StepsPerEpoch = steps };
    }

    /// <summary>The largest layout that fits, for data (like the validation tail) that may be smaller than a batch.</summary>
    public static BatchLayout Fitting(int tokenCount, int maxBatchSize, int sequenceLength)
    {
        var usable = Math.Max(0, tokenCount - 1);
        var length = Math.Min(sequenceLength, usable);
        if (length == 0)
        {
            throw new InsufficientDataException($"The text has {tokenCount} tokens; at least 2 are needed to score a model.");
        }

        var batchSize = Math.Clamp(usable / length, 1, maxBatchSize);
        return For(tokenCount, batchSize, length);
    }
}
