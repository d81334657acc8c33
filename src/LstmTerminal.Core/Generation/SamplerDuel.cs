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
                results.Add(new DuelEntry(sampler.Name, [], string.Empty, double.NaN, 0, e.Message));
            }
        }

        results.Add(Score(BeamSearch.SamplerName, prime, generator.ContinueWithBeam(prime, settings, cancellationToken)));
        return new DuelReport(prime, settings, results);
    }

    /// <summary>Bigrams are counted on words of the decoded text, so duels at different token levels compare.</summary>
    private DuelEntry Score(string sampler, PrimeEncoding prime, IReadOnlyList<GeneratedToken> tokens) =>
        new(sampler,
            tokens,
            generator.TextOf(tokens),
            tokens.Count == 0 ? double.NaN : tokens.Average(t => Math.Log(t.Probability)),
            RepeatedBigrams.CountWords(prime.Text, string.Concat(tokens.Select(t => t.Piece))));
}
