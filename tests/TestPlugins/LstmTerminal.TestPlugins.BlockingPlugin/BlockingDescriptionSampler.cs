using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.BlockingPlugin;

public sealed class BlockingDescriptionSampler : ISampler
{
    public string Name => "blocks-in-description";

    public string Description
    {
        get
        {
            NeverReleased.Wait();
            return "never";
        }
    }

    public int Next(ReadOnlySpan<float> logits, SamplingContext context) => 1;
}
