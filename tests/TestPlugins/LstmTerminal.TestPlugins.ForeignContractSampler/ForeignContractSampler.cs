using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.ForeignContractSampler;

public sealed class ForeignContractSampler : ISampler
{
    public string Name => "foreign";

    public string Description => "Implements the contracts of another version.";

    public int Next(ReadOnlySpan<float> logits) => 1;
}
