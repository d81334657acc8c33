namespace LstmTerminal.Core.Model;

/// <summary>
/// A plain-array copy of the weights, row-major, for inference without libtorch. LSTM gate rows follow
/// PyTorch's order: input, forget, cell, output.
/// </summary>
public sealed record ModelWeights(ModelShape Shape, float[] Embedding, IReadOnlyList<LstmLayerWeights> Layers, float[] Output, float[] OutputBias);

/// <param name="InputWeights"><c>[4 * RnnSize, inputSize]</c>.</param>
/// <param name="HiddenWeights"><c>[4 * RnnSize, RnnSize]</c>.</param>
/// <param name="Bias">The input and hidden biases summed, <c>[4 * RnnSize]</c>.</param>
public sealed record LstmLayerWeights(int InputSize, float[] InputWeights, float[] HiddenWeights, float[] Bias);
