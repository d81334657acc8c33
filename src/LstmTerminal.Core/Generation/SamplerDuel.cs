using LstmTerminal.Abstractions;

namespace LstmTerminal.Core.Generation;

/// <summary>
/// Completes one prime with every given sampler and with beam search, each from the same settings and seed, and
/// scores each completion the same way, so a person sees side by side why some samplers loop and others do not.
/// UI-free: the command line and the terminal UI both render its <see cref="DuelReport"/>.
/// </summary>
public sealed class SamplerDuel(Generator generator)
{
    public DuelReport Run(PrimeEncoding prime, IReadOnlyList<ISampler> samplers, SamplingSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prime);
        ArgumentNullException.ThrowIfNull(samplers);
        var results = new List<DuelEntry>(samplers.Count + 1);
        foreach (var sampler in samplers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                results.Add(Score(sampler.Name, prime, generator.Continue(prime, sampler, settings, cancellationToken).ToList()));
            }
            catch (SamplerException e)
            {
                // One broken plugin must not hide the others' completions.
                results.Add(new DuelEntry(sampler.Name, [], double.NaN, 0, e.Message));
            }
        }

        results.Add(Score(BeamSearch.SamplerName, prime, generator.ContinueWithBeam(prime, settings, cancellationToken)));
        return new DuelReport(prime, settings, results);
    }

    private static DuelEntry Score(string sampler, PrimeEncoding prime, IReadOnlyList<GeneratedWord> words) =>
        new(sampler,
            words,
            words.Count == 0 ? double.NaN : words.Average(w => Math.Log(w.Probability)),
            RepeatedBigrams.Count(prime.Ids, words.Select(w => w.Id).ToList()));
}
