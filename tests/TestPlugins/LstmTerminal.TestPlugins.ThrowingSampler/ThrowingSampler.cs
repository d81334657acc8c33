using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.ThrowingSampler;

public sealed class ThrowingSampler : ISampler
{
    public const string FailureMessage = "the test sampler refuses to start";

    public ThrowingSampler(PluginContext context)
    {
        throw new InvalidOperationException(FailureMessage);
    }

    public string Name => "throwing";

    public string Description => "Never created.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context) => 0;
}
