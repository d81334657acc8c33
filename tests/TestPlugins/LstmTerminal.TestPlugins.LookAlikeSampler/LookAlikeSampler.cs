using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.LookAlikeSampler;

public sealed class LookAlikeSampler : ISampler
{
    public string Name => "look-alike";

    public string Description => "Implements a copied contract.";

    public int Next(ReadOnlySpan<float> logits) => 1;
}
