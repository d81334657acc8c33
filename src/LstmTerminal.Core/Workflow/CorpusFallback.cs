namespace LstmTerminal.Core.Workflow;

/// <summary>The corpus plugin broke (<paramref name="Fault"/>), so the loader loads <paramref name="Provider"/> instead.</summary>
public sealed record CorpusFallback(CorpusPluginFaultException Fault, string Provider);
