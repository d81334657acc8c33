using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Core.Generation;

/// <summary>
/// The one way a prime phrase is completed, for the generate verb, its duel, the console and the training samples: read
/// the prime (unknown words listed, a prime that cannot start is a <see cref="PrimeException"/> with its
/// <see cref="PrimeProblem"/>), resolve the seed, choose beam search or a sampler plugin behind a
/// <see cref="FallbackSampler"/>, then stream the tokens. Reasons come back as data; the caller words them.
/// </summary>
public sealed class Completion(Generator generator)
{
    /// <summary>Starts a completion with the settings a person chose; no token is generated before the run streams.</summary>
    /// <exception cref="PrimeException">The prime cannot start a completion.</exception>
    /// <exception cref="PluginNotFoundException">No sampler has the settings' name; the message lists those that do.</exception>
    public CompletionRun Start(string prime, SamplingSettings settings, ISamplerSource samplers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(samplers);
        var encoding = generator.Encode(prime);
        var switches = new Queue<SamplerSwitch>();
        var sampler = settings.IsBeam ? null : FindSampler(samplers, settings.Sampler, switches.Enqueue);
        return new CompletionRun(generator, encoding, WithSeed(settings), sampler, switches);
    }

    /// <summary>
    /// Starts a completion with a sampler chosen once for many, whatever the settings name (the training samples': its
    /// switch is reported where it was made), and settings whose seed is fixed for all of them.
    /// </summary>
    /// <exception cref="PrimeException">The prime cannot start a completion.</exception>
    public CompletionRun Start(string prime, ISampler sampler, SamplingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Seed is null)
        {
            throw new ArgumentException("A sampler chosen once needs settings with a fixed seed.", nameof(settings));
        }

        return new CompletionRun(generator, generator.Encode(prime), settings, sampler, new Queue<SamplerSwitch>());
    }

    /// <summary>The prime completed by every loaded sampler and by beam search, from the same settings and seed.</summary>
    /// <exception cref="PrimeException">The prime cannot start a completion.</exception>
    public DuelReport Duel(string prime, SamplingSettings settings, ISamplerSource samplers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(samplers);
        var encoding = generator.Encode(prime);
        var plugins = samplers.Samplers.Select(s => s.Plugin).ToList();
        return new SamplerDuel(generator).Run(encoding, plugins, WithSeed(settings), cancellationToken);
    }

    /// <summary>The <paramref name="count"/> most likely next tokens after the prime, most likely first.</summary>
    /// <exception cref="PrimeException">The prime cannot start a completion.</exception>
    public NextTokens Predict(string prime, int count)
    {
        var encoding = generator.Encode(prime);
        return new NextTokens(encoding, generator.Predict(encoding, count));
    }

    /// <summary>The chosen seed, or a new one each time when none was chosen.</summary>
    private static SamplingSettings WithSeed(SamplingSettings settings) => settings.Seed is null ? settings with { Seed = Random.Shared.Next() } : settings;

    /// <summary>Beam search is a generator mode, not a plugin, so the list of known samplers names it too.</summary>
    private static FallbackSampler FindSampler(ISamplerSource samplers, string name, Action<SamplerSwitch> switched)
    {
        try
        {
            return FallbackSampler.For(samplers, name, switched);
        }
        catch (PluginNotFoundException e)
        {
            throw new PluginNotFoundException($"{e.Message} Beam search is available as '{BeamSearch.SamplerName}'.");
        }
    }
}
