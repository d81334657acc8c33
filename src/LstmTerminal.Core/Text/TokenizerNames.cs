namespace LstmTerminal.Core.Text;

public static class TokenizerNames
{
    /// <summary>The recipe's word level: the default, and what a checkpoint that records no tokenizer was trained with.</summary>
    public const string Words = "words";
}
