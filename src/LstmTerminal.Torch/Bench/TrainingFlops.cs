using LstmTerminal.Core.Model;

namespace LstmTerminal.Torch.Bench;

/// <summary>Floating-point operations per training token, counting multiply-adds as two.</summary>
public static class TrainingFlops
{
    /// <summary>
    /// Forward: per LSTM layer the four gates' input and recurrent products, then the output projection;
    /// backward costs about twice the forward, hence the factor of three.
    /// </summary>
    public static double PerToken(ModelShape shape)
    {
        double forward = 0;
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            var input = layer == 0 ? shape.EmbeddingSize : shape.RnnSize;
            forward += 2.0 * 4 * shape.RnnSize * (input + shape.RnnSize);
        }

        forward += 2.0 * shape.RnnSize * shape.VocabularySize;
        return 3 * forward;
    }
}
