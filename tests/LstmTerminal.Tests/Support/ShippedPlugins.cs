using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Tests.Support;

/// <summary>The plugins the build copied next to the tests, loaded once through the real catalog.</summary>
internal static class ShippedPlugins
{
    private static readonly Lazy<PluginCatalog> LazyCatalog = new(() => PluginCatalog.Load(Folder, PluginContext.Empty));

    public static string Folder => BuiltPlugins.Shipped;

    public static PluginCatalog Catalog => LazyCatalog.Value;
}
