using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Training;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// A lower bound of the memory a training run needs, checked before libtorch allocates anything: settings far beyond
/// the machine are refused in one line instead of failing in libtorch or dragging the system into swap.
/// </summary>
public static class TrainingMemory
{
    private const int FloatBytes = sizeof(float);

    /// <summary>Weights, their gradients and Adam's two moments, plus what one step must keep for its backward pass.</summary>
    public static long LowerBoundBytes(ModelShape shape, TrainingSettings settings)
    {
        double vocabulary = shape.VocabularySize, embedding = shape.EmbeddingSize, units = shape.RnnSize;
        var lstm = 0.0;
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            lstm += 4 * units * ((layer == 0 ? embedding : units) + units + 2);
        }

        var parameters = vocabulary * embedding + (shape.TiedEmbeddings ? 0 : vocabulary * units) + vocabulary + lstm;
        // Per token: its embedding and, for every layer, the four gates and the output.
        var activations = (double)settings.BatchSize * settings.SequenceLength * (embedding + shape.Layers * 5 * units);
        return (long)Math.Min(long.MaxValue, FloatBytes * (4 * parameters + activations));
    }

    /// <exception cref="TrainingMemoryException">The lower bound exceeds <paramref name="availableBytes"/>.</exception>
    public static void Check(ModelShape shape, TrainingSettings settings, long? availableBytes)
    {
        var needed = LowerBoundBytes(shape, settings);
        if (availableBytes is { } available && needed > available)
        {
            throw TrainingMemoryException.Estimated(needed, available);
        }
    }
}
