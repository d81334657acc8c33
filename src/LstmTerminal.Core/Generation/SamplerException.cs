namespace LstmTerminal.Core.Generation;

/// <summary>A sampler plugin failed or broke its contract; the message names the sampler.</summary>
public sealed class SamplerException(string message, Exception? innerException = null) : Exception(message, innerException);
