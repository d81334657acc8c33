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

    /// <summary>
    /// For top-k samplers: how many of the most likely words to keep. 0 (the default) leaves k to the sampler's own
    /// setting, e.g. <c>Plugins:top-k:K</c>.
    /// </summary>
    public int TopK { get; init; }

    /// <summary>
    /// For nucleus samplers: the probability mass to keep, in (0, 1]. 1 (the default) leaves p to the sampler's own
    /// setting, e.g. <c>Plugins:nucleus:P</c>.
    /// </summary>
    public double TopP { get; init; } = 1.0;

    // Repetition controls and beam search are the host's job: the logits a sampler gets already carry the
    // repetition penalty, and ForbiddenTokens already holds the words the no-repeat n-gram ban rules out.

    /// <summary>The seeded random source.</summary>
    public Random Random { get; }

    /// <summary>Ids that must never be returned.</summary>
    public IReadOnlySet<int> ForbiddenTokens { get; }

    /// <summary>The ids of the prime and of the words generated so far, oldest first.</summary>
    public IReadOnlyList<int> TokensSoFar { get; init; } = Array.Empty<int>();
}
