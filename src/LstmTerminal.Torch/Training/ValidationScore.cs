namespace LstmTerminal.Torch.Training;

/// <summary>A model's figures on the validation text.</summary>
/// <param name="Loss">Mean negative log-likelihood per token, in nats.</param>
/// <param name="BitsPerCharacter">Null when the tokenizer's tokens do not spell the validation text (a lossy tokenizer).</param>
public sealed record ValidationScore(double Loss, double Perplexity, double? BitsPerCharacter);
