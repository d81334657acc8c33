using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Training;
using static TorchSharp.torch;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Model;

namespace LstmTerminal.Torch.Tests.Model;

/// <summary>Core's libtorch-free inference on the exported weights computes what the TorchSharp model computes.</summary>
public sealed class InferenceParityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Step_MatchesTheTorchModel_TokenByToken(int layers)
    {
        // Given a randomly initialised model and a token sequence
        using var model = SeededRandom.Draw(9, () => new LstmLanguageModel(new ModelShape { VocabularySize = 37, EmbeddingSize = 12, RnnSize = 20, Layers = layers, Dropout = 0.3 }));
        model.eval();
        int[] tokens = [3, 1, 4, 1, 5, 9, 2, 6, 5, 35];
        using var scope = NewDisposeScope();
        var (expected, _, _) = model.call(tensor(tokens.Select(t => (long)t).ToArray(), [1, tokens.Length], ScalarType.Int64), null);

        // When the managed inference steps through the same tokens
        var inference = new LstmInference(model.ExportWeights());
        var state = inference.NewState();
        var logits = new float[37];
        for (var position = 0; position < tokens.Length; position++)
        {
            inference.Step(tokens[position], state, logits);

            // Then every position's logits agree with libtorch
            var reference = expected[0, position].data<float>().ToArray();
            for (var id = 0; id < logits.Length; id++)
            {
                Assert.Equal(reference[id], logits[id], 4);
            }
        }
    }
}
