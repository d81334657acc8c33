namespace LstmTerminal.Core.Model;

/// <summary>
/// A plain-array copy of the weights, row-major, for inference without libtorch. LSTM gate rows follow
/// PyTorch's order: input, forget, cell, output.
/// </summary>
public sealed record ModelWeights
{
    public required ModelShape Shape { get; init; }

    /// <summary><c>[VocabularySize, EmbeddingSize]</c>.</summary>
    public required float[] Embedding { get; init; }

    public required IReadOnlyList<LstmLayerWeights> Layers { get; init; }

    /// <summary><c>[VocabularySize, RnnSize]</c>.</summary>
    public required float[] Output { get; init; }

    /// <summary><c>[VocabularySize]</c>.</summary>
    public required float[] OutputBias { get; init; }
}

public sealed record LstmLayerWeights
{
    /// <summary>The embedding size for the first layer, the hidden size for the others.</summary>
    public required int InputSize { get; init; }

    /// <summary><c>[4 * RnnSize, InputSize]</c>.</summary>
    public required float[] InputWeights { get; init; }

    /// <summary><c>[4 * RnnSize, RnnSize]</c>.</summary>
    public required float[] HiddenWeights { get; init; }

    /// <summary>The input and hidden biases summed, <c>[4 * RnnSize]</c>.</summary>
    public required float[] Bias { get; init; }
}
