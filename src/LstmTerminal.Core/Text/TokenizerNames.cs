namespace LstmTerminal.Core.Text;

public static class TokenizerNames
{
    /// <summary>The recipe's word level: the default, and what a checkpoint that records no tokenizer was trained with.</summary>
    public const string Words = "words";

    /// <summary>What a count of the tokenizer's tokens is a count of: words at the recipe's level, tokens below it.</summary>
    public static string CountUnit(string tokenizer) => tokenizer == Words ? "words" : "tokens";
}
