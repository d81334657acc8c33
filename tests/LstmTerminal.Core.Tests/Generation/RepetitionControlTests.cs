using LstmTerminal.Core.Generation;

namespace LstmTerminal.Core.Tests.Generation;

public sealed class RepetitionControlTests
{
    private static IReadOnlySet<int> Forbidden(int ngram, int[] history, int vocabulary = 10) =>
        new RepetitionControl(1.0, ngram, new HashSet<int> { 0 }).Apply(new float[vocabulary], new float[vocabulary], history, primeLength: 0);

    [Fact]
    public void Apply_ForbidsTheWordsThatWouldRepeatABigram()
    {
        // Given "5 6 7 5": after 5 came 6 once already
        // When
        var forbidden = Forbidden(2, [5, 6, 7, 5]);

        // Then
        Assert.Equal([0, 6], forbidden.Order());
    }

    [Fact]
    public void Apply_ForbidsTheWordsThatWouldRepeatATrigram()
    {
        // Given "1 2 3 1 2 4 1 2": "1 2" was followed by 3 and by 4
        // When
        var forbidden = Forbidden(3, [1, 2, 3, 1, 2, 4, 1, 2]);

        // Then
        Assert.Equal([0, 3, 4], forbidden.Order());
    }

    [Fact]
    public void Apply_ForbidsOnlyTheUnknownWord_When_TheBanIsOff()
    {
        Assert.Equal([0], Forbidden(0, [1, 1, 1, 1]));
    }

    [Fact]
    public void Apply_DropsTheBan_When_ItWouldForbidEveryWord()
    {
        // Given a three-word vocabulary in which 1 has been followed by 1 and by 2
        // When
        var forbidden = Forbidden(2, [1, 1, 2, 1], vocabulary: 3);

        // Then only the unknown word stays forbidden, so generation can go on
        Assert.Equal([0], forbidden);
    }

    [Fact]
    public void Apply_PenalisesGeneratedWordsOnly_MakingEachLessLikely()
    {
        // Given ids 1 and 2 in the prime, 3 and 4 generated (4 twice)
        var control = new RepetitionControl(penalty: 2.0, noRepeatNgram: 0, new HashSet<int> { 0 });
        float[] logits = [0f, 4f, -4f, 4f, -4f, 1f];
        var adjusted = new float[logits.Length];

        // When
        control.Apply(logits, adjusted, [1, 2, 3, 4, 4], primeLength: 2);

        // Then a positive logit is halved, a negative one doubled (once, however often the word came)
        Assert.Equal([0f, 4f, -4f, 2f, -8f, 1f], adjusted);
        Assert.Equal([0f, 4f, -4f, 4f, -4f, 1f], logits);
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(double.NaN, 0)]
    [InlineData(1.0, 1)]
    [InlineData(1.0, -2)]
    public void Constructor_RefusesSettingsOutOfRange(double penalty, int ngram)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RepetitionControl(penalty, ngram, new HashSet<int> { 0 }));
    }

    [Fact]
    public void RepeatedBigrams_CountsGeneratedBigramsSeenBefore_IncludingThoseOfThePrime()
    {
        // Given "1 2 | 3 1 2 1 2": "1 2" repeats the prime's twice; "2 1" is new
        // When
        var count = RepeatedBigrams.Count([1, 2], [3, 1, 2, 1, 2]);

        // Then
        Assert.Equal(2, count);
    }
}
