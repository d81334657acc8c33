namespace LstmTerminal.Core.Plugins;

/// <summary>The user named a plugin the catalog does not have; the message lists the names it does have.</summary>
public sealed class PluginNotFoundException(string message) : Exception(message);
