using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Tests.Generation;

/// <summary>The states a generator keeps between predictions, so the strip's next keystroke reads on from them.</summary>
public sealed class PrefixStatesTests
{
    /// <summary>A person at the prompt: types, backspaces, pastes, clears, types again, and edits in the middle.</summary>
    private static readonly string[] Edits =
    [
        "t", "th", "tho", "thou", "thou ", "thou a", "thou ar", "thou art", "thou ar", "thou a", "thou ", "thou art",
        "thou art more lovely and more temperate.", "thou art more lovely and more temperate.\nshall i",
        "", "shall", "shall i compare", "shall we compare", "shall we compare thee", "thou art more",
    ];

    public static TheoryData<string> Levels => ["words", "characters", "subwords"];

    [Theory]
    [MemberData(nameof(Levels))]
    public void Predict_GivesWhatAFreshGeneratorGives_ThroughEveryEdit(string level)
    {
        // Given one generator that predicts after every edit, keeping its states, on a model whose state hangs on every id
        var vocabulary = Vocabulary(level);
        var weights = RandomModel.Weights(vocabulary.Count, seed: 3);
        var kept = new Generator(weights, vocabulary);

        foreach (var text in Edits)
        {
            // When the edited text is predicted after by it, and by a new generator on the same weights (as the strip
            // does, only when it can be read: a cleared line, or one word the vocabulary lacks, predicts nothing)
            if (Encoded(kept, text) is not { } prime)
            {
                continue;
            }

            var fromKept = kept.Predict(prime, 5);
            var fromFresh = new Generator(weights, vocabulary).Predict(prime, 5);

            // Then the two give the same tokens with exactly the same probabilities
            Assert.Equal(fromFresh, fromKept);
        }
    }

    [Fact]
    public void Read_StepsOnlyTheIdsPastThoseItShares_WithTheLastTextRead()
    {
        // Given the states of a text of four ids
        var weights = RandomModel.Weights(vocabularySize: 10, seed: 5);
        var inference = new LstmInference(weights);
        var states = new PrefixStates(inference);
        var logits = new float[10];
        states.Read([1, 2, 3, 4], logits);

        // When texts that share the first ids follow: the last id changed, two ids added, cut short, a new start
        int[] changedLast = [1, 2, 3, 5];
        int[] grown = [1, 2, 3, 5, 6, 7];
        int[] cut = [1, 2];
        int[] other = [9];
        var steps = new[] { changedLast, grown, cut, other }.Select(ids => (Steps: states.Read(ids, logits), Logits: logits.ToArray())).ToList();

        // Then only the ids past the shared ones are stepped, and the logits are those of reading each text afresh
        Assert.Equal([1, 2, 0, 1], steps.Select(s => s.Steps));
        Assert.Equal(Afresh(inference, grown), steps[1].Logits);
        Assert.Equal(Afresh(inference, cut), steps[2].Logits);
        Assert.Equal(Afresh(inference, other), steps[3].Logits);
    }

    private static PrimeEncoding? Encoded(Generator generator, string text)
    {
        try
        {
            return generator.Encode(text);
        }
        catch (PrimeException)
        {
            return null;
        }
    }

    private static float[] Afresh(LstmInference inference, int[] ids)
    {
        var logits = new float[inference.Shape.VocabularySize];
        inference.ReadAll(ids, inference.NewState(), logits);
        return logits;
    }

    private static GuardedVocabulary Vocabulary(string level) => level == TokenizerNames.Words
        ? TokenizerPlugins.Words(TinyCorpus.Text(), minWordFrequency: 0)
        : TokenizerPlugins.Learn(level, TinyCorpus.Text(), level == "subwords" ? [("Merges", 60)] : []);
}
