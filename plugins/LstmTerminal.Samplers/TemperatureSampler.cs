using LstmTerminal.Abstractions;

namespace LstmTerminal.Samplers;

/// <summary>Draws a word from softmax(logits / temperature): below 1 more conservative, above 1 more surprising.</summary>
public sealed class TemperatureSampler : ISampler
{
    private readonly DrawBuffers _buffers = new();

    public string Name => "temperature";

    public string Description => "Random draw from softmax(logits / T) with the seeded random source.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var weights = _buffers.Weights(logits.Length);
        SoftmaxDraw.Weights(logits, context, weights, out var best);
        return SoftmaxDraw.Draw(weights, context.Random, best);
    }
}
