using System.Globalization;
using LstmTerminal.Core.Data;

namespace LstmTerminal;

/// <summary>Bits per character as a person reads it, and why a lossy tokenizer has none.</summary>
public static class BitsPerCharacterText
{
    /// <summary>Why the corpus' validation gives no bits per character, or null when it gives them.</summary>
    public static string? Note(PreparedCorpus corpus) => corpus.ValidationSpelledByTokens
        ? null
        : $"not given: the {corpus.Vocabulary.TokenizerName} tokenizer is lossy (its validation tokens do not spell the validation text: "
          + "it drops case, punctuation or line breaks, or reads characters as unknown), so bits per character would flatter it; "
          + "compare perplexity between runs of the same tokenizer instead";

    /// <summary>For a line of text: "2.345", "n/a (lossy tokenizer)" or "-" before any validation.</summary>
    public static string Format(double? bitsPerCharacter, bool lossyTokenizer) =>
        lossyTokenizer ? "n/a (lossy tokenizer)" : bitsPerCharacter?.ToString("F3", CultureInfo.InvariantCulture) ?? "-";
}
