namespace LstmTerminal.Core.Generation;

/// <summary>One partial continuation in a beam.</summary>
/// <param name="Ids">The generated ids so far.</param>
/// <param name="Probabilities">The model's probability of each id (softmax at temperature 1, before repetition controls).</param>
/// <param name="LogProbability">The search score: the sum of the log-probabilities the search ranked by.</param>
public sealed record BeamHypothesis(IReadOnlyList<int> Ids, IReadOnlyList<double> Probabilities, double LogProbability)
{
    public static BeamHypothesis Empty { get; } = new([], [], 0);

    public BeamHypothesis Extend(int id, double probability, double logProbability) =>
        new([.. Ids, id], [.. Probabilities, probability], logProbability);
}
