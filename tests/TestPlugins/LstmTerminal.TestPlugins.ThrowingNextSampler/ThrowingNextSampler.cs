using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.ThrowingNextSampler;

public sealed class ThrowingNextSampler : ISampler
{
    public const string FailureMessage = "the test sampler breaks on every word";

    public string Name => "throws-in-next";

    public string Description => "Throws on every call.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context) => throw new InvalidOperationException(FailureMessage);
}
