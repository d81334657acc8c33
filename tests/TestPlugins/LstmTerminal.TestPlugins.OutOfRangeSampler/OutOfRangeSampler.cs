using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.OutOfRangeSampler;

public sealed class OutOfRangeSampler : ISampler
{
    public string Name => "out-of-range";

    public string Description => "Answers with the first id past the vocabulary.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context) => logits.Length;
}
