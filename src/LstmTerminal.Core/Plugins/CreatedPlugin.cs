namespace LstmTerminal.Core.Plugins;

/// <summary>
/// A plugin instance and what it called itself under one contract, read once when it was created: the host never
/// asks again, so a Name that changes or a getter that blocks later cannot pose as another plugin or stall the app.
/// </summary>
internal sealed record CreatedPlugin(object Instance, PluginContract Contract, string Name, string Description);
