namespace LstmTerminal.Abstractions;

/// <summary>Everything a sampler may use besides the logits.</summary>
public sealed class SamplingContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="random">The seeded random source; use only this one so a seed reproduces the text.</param>
    /// <param name="forbiddenTokens">Ids that must never be returned; always contains 0, the unknown word.</param>
    public SamplingContext(Random random, IReadOnlySet<int> forbiddenTokens)
    {
        Random = random;
        ForbiddenTokens = forbiddenTokens;
    }

    /// <summary>Softmax temperature; greater than 0. Lower is more conservative.</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>For top-k samplers: how many of the most likely words to keep; 0 means all.</summary>
    public int TopK { get; init; }

    /// <summary>For nucleus samplers: the probability mass to keep, in (0, 1].</summary>
    public double TopP { get; init; } = 1.0;

    /// <summary>The seeded random source.</summary>
    public Random Random { get; }

    /// <summary>Ids that must never be returned.</summary>
    public IReadOnlySet<int> ForbiddenTokens { get; }

    /// <summary>The ids of the prime and of the words generated so far, oldest first.</summary>
    public IReadOnlyList<int> TokensSoFar { get; init; } = Array.Empty<int>();
}
