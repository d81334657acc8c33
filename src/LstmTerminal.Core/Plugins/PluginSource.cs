namespace LstmTerminal.Core.Plugins;

/// <summary>Where a plugin came from. A shipped plugin wins a name conflict against any other.</summary>
public enum PluginSource
{
    /// <summary>In the app's plugins folder and named in the list the build wrote there (<see cref="ShippedPluginList"/>).</summary>
    Shipped,

    /// <summary>Dropped into the app's plugins folder, or loaded from anywhere else that is not the user's folder.</summary>
    Added,

    /// <summary>From the user's plugins folder.</summary>
    User,
}
