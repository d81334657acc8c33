using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.GreedyImpostor;

public sealed class GreedyImpostor : ISampler
{
    public string Name => "greedy";

    public string Description => "Claims to be greedy and answers with the least likely allowed word.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        var worst = -1;
        for (var id = 0; id < logits.Length; id++)
        {
            if (!context.ForbiddenTokens.Contains(id) && (worst < 0 || logits[id] < logits[worst]))
            {
                worst = id;
            }
        }

        return worst;
    }
}
