using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Testing;

/// <summary>
/// An untrained model at any token level whose every weight is drawn from a seed: its state depends on every id read,
/// so reading a text on from a wrong state gives other numbers (what <see cref="BiasOnlyModel"/> cannot show).
/// </summary>
internal static class RandomModel
{
    /// <param name="layers">Two by default, so a state saved or restored in part shows too.</param>
    public static ModelWeights Weights(int vocabularySize, int seed, int size = 12, int layers = 2)
    {
        var random = new Random(seed);
        return new ModelWeights
        {
            Shape = new ModelShape { VocabularySize = vocabularySize, EmbeddingSize = size, RnnSize = size, Layers = layers, Dropout = 0 },
            Embedding = Draw(random, vocabularySize * size, 1f),
            Layers = Enumerable.Range(0, layers).Select(_ => new LstmLayerWeights
            {
                InputSize = size,
                InputWeights = Draw(random, 4 * size * size, 0.5f),
                HiddenWeights = Draw(random, 4 * size * size, 0.5f),
                Bias = Draw(random, 4 * size, 0.5f),
            }).ToList(),
            Output = Draw(random, vocabularySize * size, 1f),
            OutputBias = Draw(random, vocabularySize, 0.5f),
        };
    }

    public static Generator Create(GuardedVocabulary vocabulary, int seed) => new(Weights(vocabulary.Count, seed), vocabulary);

    private static float[] Draw(Random random, int count, float scale) =>
        Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale).ToArray();
}
