using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Generation;

namespace LstmTerminal.Core.Tests.Generation;

public sealed class LstmInferenceTests
{
    [Fact]
    public void Clone_IsIndependentOfTheOriginalState()
    {
        // Given a state after one token, on the weights of a fixture model
        var weights = new CheckpointReader(CheckpointFixtures.PathOf(CheckpointFixtures.Format2)).LoadForInference(TokenizerPlugins.Catalog).Weights;
        var inference = new LstmInference(weights);
        var state = inference.NewState();
        var logits = new float[weights.Shape.VocabularySize];
        inference.Step(2, state, logits);

        // When it is cloned and the original steps on
        var copy = state.Clone();
        inference.Step(3, state, logits);

        // Then the clone kept its values
        Assert.NotEqual(state.Hidden[0], copy.Hidden[0]);
    }
}
