using System.Runtime.CompilerServices;
using LstmTerminal.Core.Model;

namespace LstmTerminal.Core.Generation;

/// <summary>
/// One-token-at-a-time LSTM inference on plain arrays with SIMD matrix-vector products. For batch-1 generation this
/// beats libtorch, whose per-op overhead and thread pool dominate at this size (and compete with a training run).
/// Allocates nothing per step.
/// </summary>
public sealed class LstmInference(ModelWeights weights)
{
    private readonly int _rnnSize = weights.Shape.RnnSize;

    public ModelShape Shape => weights.Shape;

    public LstmInferenceState NewState() => new(weights.Shape.Layers, _rnnSize);

    /// <summary>Feeds <paramref name="token"/>, updating <paramref name="state"/>, and writes the next-word logits.</summary>
    /// <exception cref="ModelScoresException">A logit is NaN: the weights are damaged or diverged.</exception>
    public void Step(int token, LstmInferenceState state, Span<float> logits)
    {
        Read(token, state);
        WriteLogits(state, logits);
    }

    /// <summary>
    /// Feeds every id of <paramref name="ids"/> and writes the logits after the last: the output layer, as costly as the
    /// LSTM itself at a word level, only runs once (a NaN anywhere in the state reaches those logits).
    /// </summary>
    /// <exception cref="ModelScoresException">A logit is NaN: the weights are damaged or diverged.</exception>
    public void ReadAll(ReadOnlySpan<int> ids, LstmInferenceState state, Span<float> logits)
    {
        foreach (var id in ids)
        {
            Read(id, state);
        }

        WriteLogits(state, logits);
    }

    /// <summary>Feeds <paramref name="token"/>, updating <paramref name="state"/>, without scoring the next token.</summary>
    public void Read(int token, LstmInferenceState state)
    {
        var embeddingSize = weights.Shape.EmbeddingSize;
        ReadOnlySpan<float> input = weights.Embedding.AsSpan(token * embeddingSize, embeddingSize);
        for (var layer = 0; layer < weights.Layers.Count; layer++)
        {
            StepLayer(weights.Layers[layer], input, state.Hidden[layer], state.Cell[layer], state.Gates);
            input = state.Hidden[layer];
        }
    }

    /// <summary>The next-token logits after what <paramref name="state"/> has read.</summary>
    /// <exception cref="ModelScoresException">A logit is NaN: the weights are damaged or diverged.</exception>
    public void WriteLogits(LstmInferenceState state, Span<float> logits)
    {
        MatrixVector.MultiplyAdd(weights.Output, state.Hidden[^1], weights.OutputBias, logits);
        // Checked here, where every completion and beam gets its scores: a sampler handed NaN would be blamed for it.
        if (HasNaN(logits))
        {
            throw new ModelScoresException();
        }
    }

    /// <summary>
    /// One comparison per logit, each of which cost RnnSize multiply-adds; a plain loop compiled optimised on first
    /// use, like <see cref="Softmax"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasNaN(ReadOnlySpan<float> scores)
    {
        foreach (var score in scores)
        {
            if (float.IsNaN(score))
            {
                return true;
            }
        }

        return false;
    }

    private static void StepLayer(LstmLayerWeights layer, ReadOnlySpan<float> input, float[] hidden, float[] cell, float[] gates)
    {
        MatrixVector.MultiplyAdd(layer.InputWeights, input, layer.Bias, gates);
        MatrixVector.MultiplyAdd(layer.HiddenWeights, hidden, gates, gates);
        UpdateCell(gates, cell, hidden);
    }

    /// <summary>
    /// c' = f * c + i * g and h' = o * tanh(c'), the gate activations applied on the way, in one loop compiled
    /// optimised on first use (a SIMD library routine per gate stays in its slow first tier through a short completion).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateCell(ReadOnlySpan<float> gates, Span<float> cell, Span<float> hidden)
    {
        var size = cell.Length;
        var inputGate = gates[..size];
        var forgetGate = gates.Slice(size, size);
        var cellGate = gates.Slice(2 * size, size);
        var outputGate = gates.Slice(3 * size, size);
        for (var i = 0; i < size; i++)
        {
            var next = Sigmoid(forgetGate[i]) * cell[i] + Sigmoid(inputGate[i]) * MathF.Tanh(cellGate[i]);
            cell[i] = next;
            hidden[i] = Sigmoid(outputGate[i]) * MathF.Tanh(next);
        }
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
