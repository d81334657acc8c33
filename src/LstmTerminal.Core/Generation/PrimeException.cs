namespace LstmTerminal.Core.Generation;

/// <summary>The prime phrase cannot start a completion; the message says how to fix it.</summary>
public sealed class PrimeException(string message) : Exception(message);
