using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.ExitingSampler;

public sealed class ExitingSampler : ISampler
{
    public string Name => "exits";

    public string Description => "Calls Environment.Exit(0) instead of answering.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        Environment.Exit(0);
        return 1;
    }
}
