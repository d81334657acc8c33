using System.ComponentModel.DataAnnotations;

namespace LstmTerminal.Core.Options;

public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    [Required(ErrorMessage = "Corpus:Provider must name a corpus plugin, e.g. gutenberg-shakespeare or text-file.")]
    public string Provider { get; set; } = "gutenberg-shakespeare";

    public string? Path { get; set; }
}
