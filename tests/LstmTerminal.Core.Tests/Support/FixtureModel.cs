using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Generation;

namespace LstmTerminal.Core.Tests.Support;

/// <summary>A model trained by an earlier build (<c>tests/Fixtures</c>), read the way <c>generate</c> reads a checkpoint.</summary>
public abstract class FixtureModel(string fixture)
{
    private readonly InferenceCheckpoint _checkpoint = new CheckpointReader(CheckpointFixtures.PathOf(fixture)).LoadForInference(TokenizerPlugins.Catalog);

    public Generator CreateGenerator() => new(_checkpoint.Weights, _checkpoint.Vocabulary);
}
