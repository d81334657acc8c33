namespace LstmTerminal.Core.Workflow;

/// <summary>
/// A corpus plugin broke (threw something other than <see cref="Abstractions.CorpusUnavailableException"/>, or missed
/// the deadline) rather than saying the corpus cannot be had; the message names the plugin.
/// </summary>
public sealed class CorpusPluginFaultException(string message, Exception? innerException = null) : Exception(message, innerException);
