using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.BlockingPlugin;

public sealed class BlockingConstructorSampler : ISampler
{
    public BlockingConstructorSampler() => NeverReleased.Wait();

    public string Name => "blocks-in-constructor";

    public string Description => "Never finishes being created.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context) => 1;
}
