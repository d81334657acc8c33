using System.ComponentModel.DataAnnotations;

namespace LstmTerminal.Core.Options;

public sealed class VocabularyOptions
{
    public const string Section = "Vocabulary";

    [Range(0, 1_000_000, ErrorMessage = "Vocabulary:MinWordFrequency must be between 0 and 1000000.")]
    public int MinWordFrequency { get; set; } = 5;
}
