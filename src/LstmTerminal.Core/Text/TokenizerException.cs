namespace LstmTerminal.Core.Text;

/// <summary>A tokenizer plugin failed or answered out of bounds; the message names the tokenizer and says what happened, in one line.</summary>
public sealed class TokenizerException(string message, Exception? inner = null) : Exception(message, inner);
