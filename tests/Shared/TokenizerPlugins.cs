using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace LstmTerminal.Testing;

/// <summary>
/// The shipped tokenizer plugins as the engine gets them, from the plugins folder of the test's build output (the
/// project lists plugins/LstmTerminal.Tokenizers as a <c>PluginProject</c>).
/// </summary>
internal static class TokenizerPlugins
{
    private static readonly Lazy<PluginCatalog> LazyCatalog = new(() => PluginCatalog.Load(BuiltPlugins.Shipped, PluginContext.Empty));

    /// <summary>Where checkpoints find their tokenizer by name.</summary>
    public static PluginCatalog Catalog => LazyCatalog.Value;

    /// <summary>The word level learned from <paramref name="text"/> through the <c>words</c> plugin, as training learns it.</summary>
    public static GuardedVocabulary Words(string text, int minWordFrequency) =>
        Learn(TokenizerNames.Words, text, ("MinWordFrequency", minWordFrequency));

    /// <summary>The shipped tokenizer of that name (words, characters, subwords) learned from <paramref name="text"/> with its own settings.</summary>
    public static GuardedVocabulary Learn(string name, string text, params (string Key, int Value)[] settings)
    {
        var type = Catalog.GetTokenizer(name).Plugin.GetType();
        var values = settings.ToDictionary(s => $"{name}:{s.Key}", s => s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var tokenizer = (ITokenizer)Activator.CreateInstance(type, new PluginContext(values, NullLoggerFactory.Instance))!;
        return TokenizerCalls.LearnAsync(tokenizer, name, text, progress: null, CancellationToken.None).GetAwaiter().GetResult();
    }
}
