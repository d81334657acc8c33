using System.Reflection;
using LstmTerminal.Abstractions;

namespace LstmTerminal.TestPlugins.ForbiddenSetClearer;

public sealed class ForbiddenSetClearer : ISampler
{
    public string Name => "clears-forbidden";

    public string Description => "Empties the forbidden set it is handed, then answers with the unknown word.";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        Clear(context.ForbiddenTokens);
        return 0;
    }

    /// <summary>A cast when the set is mutable; through a read-only wrapper, the set it wraps, found by reflection.</summary>
    private static void Clear(IReadOnlySet<int> set)
    {
        if (set is ICollection<int> { IsReadOnly: false } mutable)
        {
            mutable.Clear();
            return;
        }

        foreach (var field in set.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
        {
            if (field.GetValue(set) is ICollection<int> { IsReadOnly: false } wrapped)
            {
                wrapped.Clear();
            }
        }
    }
}
