namespace LstmTerminal.Abstractions;

/// <summary>
/// Picks the next word from the model's scores. Called once per generated word, on the caller's thread.
/// </summary>
/// <remarks>
/// The host creates one instance per plugin through a public constructor that takes a <see cref="PluginContext"/>
/// or through a public parameterless constructor. Instances are used from one generation at a time.
/// </remarks>
public interface ISampler
{
    /// <summary>Stable identifier used in configuration and commands, e.g. <c>greedy</c>.</summary>
    string Name { get; }

    /// <summary>One line for people choosing a sampler.</summary>
    string Description { get; }

    /// <summary>Chooses the next token id.</summary>
    /// <param name="logits">Unnormalised scores, one per vocabulary id (index 0 is the unknown word).</param>
    /// <param name="context">Settings, the random source and the ids that must never be returned.</param>
    /// <returns>An id in <c>[0, logits.Length)</c> that is not in <see cref="SamplingContext.ForbiddenTokens"/>.</returns>
    int Next(ReadOnlySpan<float> logits, SamplingContext context);
}
