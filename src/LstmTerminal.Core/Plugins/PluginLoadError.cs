namespace LstmTerminal.Core.Plugins;

/// <summary>Why a plugin folder, or one plugin in it, was not loaded. Shown to the user; never fatal.</summary>
public sealed record PluginLoadError(string Folder, string Message);
