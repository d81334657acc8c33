using System.ComponentModel.DataAnnotations;

namespace LstmTerminal.Core.Options;

public sealed class ModelOptions : IValidatableObject
{
    public const string Section = "Model";

    [Range(1, 4096, ErrorMessage = "Model:EmbeddingSize must be between 1 and 4096.")]
    public int EmbeddingSize { get; set; } = 128;

    [Range(1, 4096, ErrorMessage = "Model:RnnSize must be between 1 and 4096.")]
    public int RnnSize { get; set; } = 128;

    [Range(1, 8, ErrorMessage = "Model:Layers must be between 1 and 8.")]
    public int Layers { get; set; } = 1;

    [Range(0.0, 0.95, ErrorMessage = "Model:Dropout must be between 0 and 0.95.")]
    public double Dropout { get; set; }

    [Range(0.0, 0.95, ErrorMessage = "Model:EmbeddingDropout must be between 0 and 0.95.")]
    public double EmbeddingDropout { get; set; }

    /// <summary>
    /// Share of the LSTM's hidden-to-hidden weights cut for each training step (DropConnect, as in AWD-LSTM).
    /// </summary>
    [Range(0.0, 0.95, ErrorMessage = "Model:WeightDrop must be between 0 and 0.95.")]
    public double WeightDrop { get; set; }

    /// <summary>
    /// One dropout mask per sequence, shared by all its time steps (variational dropout): the LSTM sees the same
    /// features missing throughout a window instead of fresh noise at every word.
    /// </summary>
    public bool LockedDropout { get; set; }

    /// <summary>Score words with the input embedding matrix (fewer weights, usually a lower perplexity).</summary>
    public bool TiedEmbeddings { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TiedEmbeddings && EmbeddingSize != RnnSize)
        {
            yield return new ValidationResult(
                $"Model:TiedEmbeddings needs Model:EmbeddingSize ({EmbeddingSize}) equal to Model:RnnSize ({RnnSize}).", [nameof(TiedEmbeddings)]);
        }
    }
}
