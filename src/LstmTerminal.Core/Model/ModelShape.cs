using System.Text.Json.Serialization;

namespace LstmTerminal.Core.Model;

/// <summary>
/// Everything that fixes the size of the weights, and the dropout that goes with them; a checkpoint only loads into
/// the same shape. With <paramref name="TiedEmbeddings"/> the output layer scores words with the input embedding
/// matrix itself. <paramref name="EmbeddingDropout"/> drops embedding features on their way into the LSTM. With
/// <paramref name="LockedDropout"/> each sequence keeps one dropout mask for all its time steps. <paramref name="WeightDrop"/>
/// cuts hidden-to-hidden connections of the LSTM for a whole training step (DropConnect).
/// </summary>
public sealed record ModelShape(
    int VocabularySize,
    int EmbeddingSize,
    int RnnSize,
    int Layers,
    double Dropout,
    bool TiedEmbeddings = false,
    double EmbeddingDropout = 0,
    bool LockedDropout = false,
    double WeightDrop = 0)
{
    /// <summary>Whether a training step draws dropout noise.</summary>
    [JsonIgnore]
    public bool HasDropout => Dropout > 0 || EmbeddingDropout > 0 || WeightDrop > 0;
}
