namespace LstmTerminal.Core.Data;

/// <summary>The corpus is too small for the configured batch; the message names the settings to change.</summary>
public sealed class InsufficientDataException(string message) : Exception(message);
