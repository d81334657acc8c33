using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Plugins.Tests.Support;

/// <summary>
/// The plugins the build copied next to the tests, loaded once through the real catalog; the tests reach the
/// plugins only through their contracts, as the app does.
/// </summary>
internal static class ShippedPlugins
{
    private static readonly Lazy<PluginCatalog> LazyCatalog = new(() => PluginCatalog.Load(TestPaths.PluginsFolder, PluginContext.Empty));

    public static PluginCatalog Catalog => LazyCatalog.Value;

    public static ISampler Sampler(string name) => Catalog.GetSampler(name).Plugin;

    /// <summary>A new instance of a shipped sampler, created with the given settings (keys <c>Name:Key</c>).</summary>
    public static ISampler Sampler(string name, params (string Key, string Value)[] settings) =>
        Create<ISampler>(Catalog.GetSampler(name).Plugin is GuardedSampler guarded ? guarded.SamplerType : Catalog.GetSampler(name).Plugin.GetType(), name, settings);

    /// <summary>A new instance of a shipped corpus provider, created with the given settings (keys <c>Name:Key</c>).</summary>
    public static ICorpusProvider CorpusProvider(string name, params (string Key, string Value)[] settings) =>
        Create<ICorpusProvider>(Catalog.GetCorpusProvider(name).Plugin.GetType(), name, settings);

    /// <summary>A new instance of a shipped corpus provider, created with the given context.</summary>
    public static ICorpusProvider CorpusProvider(string name, PluginContext context) =>
        (ICorpusProvider)Activator.CreateInstance(Catalog.GetCorpusProvider(name).Plugin.GetType(), context)!;

    /// <summary>A new instance of a shipped tokenizer, created with the given settings (keys <c>Name:Key</c>).</summary>
    public static ITokenizer Tokenizer(string name, params (string Key, string Value)[] settings) =>
        Create<ITokenizer>(Catalog.GetTokenizer(name).Plugin.GetType(), name, settings);

    private static T Create<T>(Type type, string name, (string Key, string Value)[] settings)
    {
        var context = new PluginContext(settings.ToDictionary(s => $"{name}:{s.Key}", s => s.Value), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        return (T)Activator.CreateInstance(type, context)!;
    }
}
