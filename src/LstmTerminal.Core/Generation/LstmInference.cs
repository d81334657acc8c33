using System.Numerics.Tensors;
using LstmTerminal.Core.Model;

namespace LstmTerminal.Core.Generation;

/// <summary>
/// One-token-at-a-time LSTM inference on plain arrays with SIMD dot products. For batch-1 generation this beats
/// libtorch, whose per-op overhead and thread pool dominate at this size (and compete with a training run).
/// Allocates nothing per step.
/// </summary>
public sealed class LstmInference(ModelWeights weights)
{
    private readonly int _rnnSize = weights.Shape.RnnSize;

    public ModelShape Shape => weights.Shape;

    public LstmInferenceState NewState() => new(weights.Shape.Layers, _rnnSize);

    /// <summary>Feeds <paramref name="token"/>, updating <paramref name="state"/>, and writes the next-word logits.</summary>
    public void Step(int token, LstmInferenceState state, Span<float> logits)
    {
        var embeddingSize = weights.Shape.EmbeddingSize;
        ReadOnlySpan<float> input = weights.Embedding.AsSpan(token * embeddingSize, embeddingSize);
        for (var layer = 0; layer < weights.Layers.Count; layer++)
        {
            StepLayer(weights.Layers[layer], input, state.Hidden[layer], state.Cell[layer], state.Gates);
            input = state.Hidden[layer];
        }

        MatrixVector.MultiplyAdd(weights.Output, input, weights.OutputBias, logits);
    }

    private void StepLayer(LstmLayerWeights layer, ReadOnlySpan<float> input, float[] hidden, float[] cell, float[] gates)
    {
        var size = _rnnSize;
        MatrixVector.MultiplyAdd(layer.InputWeights, input, layer.Bias, gates);
        MatrixVector.MultiplyAdd(layer.HiddenWeights, hidden, gates, gates);

        var inputGate = gates.AsSpan(0, size);
        var forgetGate = gates.AsSpan(size, size);
        var cellGate = gates.AsSpan(2 * size, size);
        var outputGate = gates.AsSpan(3 * size, size);
        TensorPrimitives.Sigmoid(inputGate, inputGate);
        TensorPrimitives.Sigmoid(forgetGate, forgetGate);
        TensorPrimitives.Tanh(cellGate, cellGate);
        TensorPrimitives.Sigmoid(outputGate, outputGate);

        // c' = f * c + i * g; h' = o * tanh(c')
        TensorPrimitives.Multiply(forgetGate, cell, cell);
        TensorPrimitives.MultiplyAdd(inputGate, cellGate, cell, cell);
        TensorPrimitives.Tanh(cell, hidden);
        TensorPrimitives.Multiply(outputGate, hidden, hidden);
    }
}
