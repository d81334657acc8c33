namespace LstmTerminal.Core.Workflow;

/// <summary>
/// A corpus plugin broke (threw something other than <see cref="Abstractions.CorpusUnavailableException"/>, missed
/// the deadline or returned nothing) rather than saying the corpus cannot be had; the message names the plugin.
/// </summary>
public sealed class CorpusPluginFaultException(string provider, CorpusFault fault, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string Provider { get; } = provider;

    public CorpusFault Fault { get; } = fault;
}
