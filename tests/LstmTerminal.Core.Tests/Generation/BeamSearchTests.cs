using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Tests.Support;

namespace LstmTerminal.Core.Tests.Generation;

public sealed class BeamSearchTests
{
    // Ids: 0 unknown (always the model's favourite, and forbidden), 1 the prime, 2 a tempting dead end, 3 a good start.
    private static readonly Dictionary<int, double[]> Table = new()
    {
        [1] = [0.40, 0.01, 0.30, 0.24, 0.03, 0.02],
        [2] = [0.40, 0.15, 0.15, 0.15, 0.15, 0.00001],
        [3] = [0.40, 0.01, 0.01, 0.01, 0.56, 0.01],
        [4] = [0.40, 0.01, 0.01, 0.01, 0.01, 0.56],
        [5] = [0.40, 0.56, 0.01, 0.01, 0.01, 0.01],
    };

    private static readonly SamplingSettings TwoWords = new() { Words = 2, Temperature = 1.0, Seed = 1 };
    private static readonly IReadOnlySet<int> UnknownForbidden = new HashSet<int> { 0 };

    [Fact]
    public void Run_FindsAMoreLikelySequenceThanGreedy_When_TheBestFirstWordLeadsNowhere()
    {
        // Given
        var scorer = new TableScorer(Table);

        // When
        var greedy = new BeamSearch(1).Run(new TableScorer(Table), [1], TwoWords, UnknownForbidden);
        var beam = new BeamSearch(3).Run(scorer, [1], TwoWords, UnknownForbidden);

        // Then greedy takes 2 (p 0.30) and then anything (p 0.15); beam takes 3 (p 0.24) and then 4 (p 0.56)
        Assert.Equal([2, 1], greedy.Ids);
        Assert.Equal([3, 4], beam.Ids);
        Assert.True(beam.LogProbability > greedy.LogProbability, $"beam {beam.LogProbability}, greedy {greedy.LogProbability}");
        Assert.Equal(Math.Log(0.24) + Math.Log(0.56), beam.LogProbability, 5);
        Assert.Equal([0.24, 0.56], beam.Probabilities.Select(p => Math.Round(p, 5)));
        Assert.Equal(3, scorer.LargestBatch);
    }

    [Fact]
    public void Run_NeverChoosesTheUnknownWord_When_ItScoresHighestEverywhere()
    {
        // When
        var result = new BeamSearch(4).Run(new TableScorer(Table), [1], TwoWords with { Words = 12 }, UnknownForbidden);

        // Then
        Assert.Equal(12, result.Ids.Count);
        Assert.DoesNotContain(0, result.Ids);
    }

    [Fact]
    public void Run_RespectsTheNgramBan_On_ALoopingTable()
    {
        // Given a table whose best path is the loop 3 4 5 1 3 4 5 1 ...
        var settings = TwoWords with { Words = 12, NoRepeatNgram = 2 };

        // When
        var result = new BeamSearch(2).Run(new TableScorer(Table), [1], settings, UnknownForbidden);

        // Then
        Assert.Equal(0, RepeatedBigrams.Count([1], result.Ids));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Constructor_RefusesAWidthOutOfRange(int width)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BeamSearch(width));
    }
}
