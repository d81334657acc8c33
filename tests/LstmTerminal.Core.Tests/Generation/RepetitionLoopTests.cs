using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Tests.Support;

namespace LstmTerminal.Core.Tests.Generation;

/// <summary>The repetition controls in the generation loop, on a tiny model whose greedy output loops.</summary>
public sealed class RepetitionLoopTests(LoopingModel trained) : IClassFixture<LoopingModel>
{
    private static readonly SamplingSettings Forty = new() { Words = 40, Temperature = 1.0, Seed = 1 };

    private static List<int> Ids(Generator generator, string prime, SamplingSettings settings) =>
        generator.Continue(generator.Encode(prime), new ArgMaxSampler(), settings).Select(w => w.Id).ToList();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Continue_NeverRepeatsAnNgram_When_TheBanIsOn(int n)
    {
        // Given greedy decoding, which loops on "ha"
        var generator = trained.CreateGenerator();
        var prime = generator.Encode("ha ha ha");
        Assert.True(HasRepeatedNgramEndingInCompletion(prime.Ids, Ids(generator, "ha ha ha", Forty), n));

        // When
        var ids = Ids(generator, "ha ha ha", Forty with { NoRepeatNgram = n });

        // Then no n-gram of the completion occurs twice in prime + completion
        Assert.Equal(40, ids.Count);
        Assert.False(HasRepeatedNgramEndingInCompletion(prime.Ids, ids, n));
    }

    [Fact]
    public void Continue_RepeatsLess_When_ThePenaltyIsOn()
    {
        // Given greedy decoding after a run of "ha"
        var generator = trained.CreateGenerator();
        var prime = generator.Encode("ha ha ha");

        // When
        var plain = Ids(generator, "ha ha ha", Forty);
        var penalised = Ids(generator, "ha ha ha", Forty with { RepetitionPenalty = 5.0 });

        // Then
        var plainRepeats = RepeatedBigrams.Count(prime.Ids, plain);
        var penalisedRepeats = RepeatedBigrams.Count(prime.Ids, penalised);
        Assert.True(plainRepeats >= 20, $"greedy should loop, but repeated only {plainRepeats} bigrams");
        Assert.True(penalisedRepeats < plainRepeats / 2, $"greedy {plainRepeats} repeated bigrams, penalised {penalisedRepeats}");
    }

    private static bool HasRepeatedNgramEndingInCompletion(int[] prime, List<int> completion, int n)
    {
        int[] text = [.. prime, .. completion];
        var seen = new HashSet<string>();
        for (var end = n - 1; end < text.Length; end++)
        {
            var ngram = string.Join(' ', text.Skip(end - n + 1).Take(n));
            if (!seen.Add(ngram) && end >= prime.Length)
            {
                return true;
            }
        }

        return false;
    }
}
