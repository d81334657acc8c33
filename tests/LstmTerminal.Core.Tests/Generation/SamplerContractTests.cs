using LstmTerminal.Abstractions;
using LstmTerminal.Core.Generation;

namespace LstmTerminal.Core.Tests.Generation;

/// <summary>A sampler that empties the collections in its context harms only its own copies.</summary>
public sealed class SamplerContractTests
{
    private static readonly float[] Logits = [3f, 1f, 2f];

    [Fact]
    public void Next_RefusesTheUnknownWord_When_TheSamplerEmptiedTheForbiddenSetItWasGiven()
    {
        // Given the caller's forbidden set and history
        var forbidden = new HashSet<int> { 0 };
        var history = new List<int> { 1, 2 };
        var context = new SamplingContext(new Random(1), forbidden) { TokensSoFar = history };

        // When a sampler empties what it was handed and answers with the unknown word
        var failure = Assert.Throws<SamplerException>(() => SamplerContract.Next(new EmptyingSampler(), Logits, context));

        // Then its answer is checked against the caller's set, and the caller's collections are intact
        Assert.Equal("The sampler 'empties-its-context' returned id 0, which is forbidden.", failure.Message);
        Assert.Equal([0], forbidden);
        Assert.Equal([1, 2], history);
    }

    [Fact]
    public void Next_LeavesTheUnknownWordForbidden_ForLaterSteps_When_ASamplerEmptiedItsSet()
    {
        // Given the repetition control's set for a step without bans
        var control = new RepetitionControl(penalty: 1, noRepeatNgram: 0, new HashSet<int> { 0 });
        var adjusted = new float[Logits.Length];
        var step = control.Apply(Logits, adjusted, [1], primeLength: 1);

        // When a sampler empties it
        Assert.Throws<SamplerException>(() => SamplerContract.Next(new EmptyingSampler(), adjusted, new SamplingContext(new Random(1), step)));

        // Then the next step, of this completion or any other, still forbids the unknown word
        Assert.Contains(0, control.Apply(Logits, adjusted, [1, 2], primeLength: 1));
    }

    /// <summary>Clears whatever in its context can be cleared through a cast, then answers with the unknown word.</summary>
    private sealed class EmptyingSampler : ISampler
    {
        public string Name => "empties-its-context";

        public string Description => "hostile, for tests";

        public int Next(ReadOnlySpan<float> logits, SamplingContext context)
        {
            if (context.ForbiddenTokens is ICollection<int> { IsReadOnly: false } forbidden)
            {
                forbidden.Clear();
            }

            if (context.TokensSoFar is ICollection<int> { IsReadOnly: false } history)
            {
                history.Clear();
            }

            return 0;
        }
    }
}
