namespace LstmTerminal.Core.Generation;

/// <summary>
/// Keeps the <see cref="Width"/> most likely continuations at every step and returns the most likely one of
/// <see cref="SamplingSettings.Words"/> words (sum of log-probabilities). Deterministic: temperature and seed do not
/// apply; the repetition controls do, on each hypothesis' own history.
/// </summary>
public sealed class BeamSearch
{
    /// <summary>The sampler name under which users choose beam search; it is a generator mode, not a plugin.</summary>
    public const string SamplerName = "beam";

    /// <summary>Whether a sampler name the user gave means beam search rather than a sampler plugin.</summary>
    public static bool IsNamed(string sampler) => string.Equals(sampler, SamplerName, StringComparison.OrdinalIgnoreCase);

    public BeamSearch(int width)
    {
        if (width is < 1 or > SamplingSettings.MaxBeamWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"The beam width must be between 1 and {SamplingSettings.MaxBeamWidth}.");
        }

        Width = width;
    }

    public int Width { get; }

    /// <param name="forbiddenIds">The vocabulary's forbidden ids, never part of a hypothesis.</param>
    public BeamHypothesis Run(IBeamScorer scorer, int[] primeIds, SamplingSettings settings, IReadOnlySet<int> forbiddenIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(settings);
        if (primeIds.Length == 0)
        {
            throw new ArgumentException("Beam search needs at least one prime id.", nameof(primeIds));
        }

        var repetition = RepetitionControl.From(settings, forbiddenIds);
        var adjusted = new float[scorer.VocabularySize];
        IReadOnlyList<BeamHypothesis> beam = [BeamHypothesis.Empty];
        scorer.Start(primeIds);
        for (var step = 0; step < settings.Words; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidates = new List<Candidate>(beam.Count * Width);
            for (var row = 0; row < beam.Count; row++)
            {
                var logits = scorer.Logits(row);
                var forbidden = repetition.Apply(logits, adjusted, [.. primeIds, .. beam[row].Ids], primeIds.Length);
                var logNormaliser = Softmax.LogSumExp(adjusted);
                var modelLogNormaliser = Softmax.LogSumExp(logits);
                foreach (var id in TopAllowed(adjusted, forbidden, Width))
                {
                    var score = beam[row].LogProbability + adjusted[id] - logNormaliser;
                    candidates.Add(new Candidate(row, id, score, Math.Exp(logits[id] - modelLogNormaliser)));
                }
            }

            // Ties go to the earlier row and the lower id, so the search is reproducible.
            var chosen = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Row).ThenBy(c => c.Id).Take(Width).ToList();
            if (chosen.Count == 0)
            {
                throw new InvalidOperationException("Every word is forbidden, so beam search cannot continue.");
            }

            beam = chosen.Select(c => beam[c.Row].Extend(c.Id, c.Probability, c.Score)).ToList();
            if (step + 1 < settings.Words)
            {
                scorer.Advance(chosen.Select(c => c.Row).ToList(), chosen.Select(c => c.Id).ToList());
            }
        }

        return beam[0];
    }

    /// <summary>The allowed ids with the highest scores, best first; the lower id first on ties.</summary>
    private static List<int> TopAllowed(float[] scores, IReadOnlySet<int> forbidden, int count)
    {
        var ids = new List<int>(scores.Length);
        for (var id = 0; id < scores.Length; id++)
        {
            if (!forbidden.Contains(id) && !float.IsNaN(scores[id]))
            {
                ids.Add(id);
            }
        }

        ids.Sort((a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        return ids.Count > count ? ids.GetRange(0, count) : ids;
    }

    private readonly record struct Candidate(int Row, int Id, double Score, double Probability);
}
