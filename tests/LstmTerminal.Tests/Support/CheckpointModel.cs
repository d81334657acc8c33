using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Generation;

namespace LstmTerminal.Tests.Support;

/// <summary>Generators on a saved checkpoint read without TorchSharp, as <c>generate</c> and <c>suggest</c> read it.</summary>
internal sealed class CheckpointModel(string directory) : IGeneratorSource
{
    private readonly InferenceCheckpoint _checkpoint = new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog);

    public Generator? TryCreateGenerator() => new(_checkpoint.Weights, _checkpoint.Vocabulary);
}
