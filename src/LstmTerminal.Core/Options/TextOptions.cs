using System.ComponentModel.DataAnnotations;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Core.Options;

/// <summary>How the corpus becomes tokens: which tokenizer plugin learns the vocabulary of a fresh run.</summary>
public sealed class TextOptions
{
    public const string Section = "Text";

    /// <summary>The tokenizer plugin of a fresh run; a checkpoint always keeps the one it recorded.</summary>
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]*$", ErrorMessage = "Text:Tokenizer must be a plugin name (letters, digits, '.', '_' or '-').")]
    public string Tokenizer { get; set; } = TokenizerNames.Words;
}
