using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Torch.Tests.Training;

public sealed class CandidateWordsTests
{
    [Fact]
    public void Draw_ListsEveryTargetOnce_AndPointsEachTargetAtItself()
    {
        // Given targets with repeats
        var words = new CandidateWords(vocabularySize: 50, noiseWords: 10);
        long[] targets = [7, 3, 7, 0, 49, 3];

        // When candidates are drawn with ten noise words
        var (candidates, slots) = words.Draw(targets, new Random(1));

        // Then the targets come first, once each, and each slot points at its target
        Assert.Equal(candidates.Length, candidates.Distinct().Count());
        Assert.Equal([7L, 3, 0, 49], candidates.Take(4));
        Assert.Equal(targets, slots.Select(slot => candidates[slot]));
        Assert.InRange(candidates.Length, 5, 4 + 10);
        Assert.All(candidates, id => Assert.InRange(id, 0, 49));
    }

    [Fact]
    public void Draw_StopsAtTheWholeVocabulary()
    {
        // Given more noise words than the vocabulary has
        var words = new CandidateWords(vocabularySize: 20, noiseWords: 100_000);

        // When candidates are drawn
        var (candidates, _) = words.Draw([5L], new Random(2));

        // Then they are the whole vocabulary, once each
        Assert.Equal(Enumerable.Range(0, 20).Select(id => (long)id), candidates.Order());
    }

    [Fact]
    public void Draw_StartsAfreshEachCall()
    {
        // Given an earlier draw
        var words = new CandidateWords(vocabularySize: 30, noiseWords: 0);
        words.Draw([1L, 2, 3], new Random(3));

        // When the next draw has other targets
        var (candidates, slots) = words.Draw([9L, 1], new Random(3));

        // Then only they are candidates
        Assert.Equal([9L, 1], candidates);
        Assert.Equal([0L, 1], slots);
    }
}
