using System.Text.Json.Serialization;

namespace LstmTerminal.Core.Model;

/// <summary>
/// Everything that fixes the size of the weights, and the dropout that goes with them; a checkpoint only loads into
/// the same shape. The property names are the JSON names in <c>checkpoint.json</c>; the optional ones came later and
/// default to what older checkpoints did.
/// </summary>
public sealed record ModelShape
{
    /// <summary>Words the model scores, the unknown word included.</summary>
    public required int VocabularySize { get; init; }

    public required int EmbeddingSize { get; init; }

    /// <summary>Hidden units of each LSTM layer.</summary>
    public required int RnnSize { get; init; }

    public required int Layers { get; init; }

    /// <summary>Dropout on the LSTM's output (and between its layers).</summary>
    public required double Dropout { get; init; }

    /// <summary>The output layer scores words with the input embedding matrix itself.</summary>
    public bool TiedEmbeddings { get; init; }

    /// <summary>Drops embedding features on their way into the LSTM.</summary>
    public double EmbeddingDropout { get; init; }

    /// <summary>Each sequence keeps one dropout mask for all its time steps.</summary>
    public bool LockedDropout { get; init; }

    /// <summary>Cuts hidden-to-hidden connections of the LSTM for a whole training step (DropConnect).</summary>
    public double WeightDrop { get; init; }

    /// <summary>Whether a training step draws dropout noise.</summary>
    [JsonIgnore]
    public bool HasDropout => Dropout > 0 || EmbeddingDropout > 0 || WeightDrop > 0;
}
