using LstmTerminal.Abstractions;

namespace LstmTerminal.Core.Plugins;

/// <summary>One kind of plugin: the contract interface a plugin type implements and how to ask it what it is called.</summary>
/// <param name="Kind">The kind as users see it, one of <see cref="PluginKinds"/>.</param>
internal sealed record PluginContract(string Kind, Type Interface, Func<object, string> Name, Func<object, string> Description)
{
    /// <summary>Every kind the catalog loads; a new kind of plugin adds its contract here and a list to the catalog.</summary>
    public static readonly IReadOnlyList<PluginContract> All =
    [
        new(PluginKinds.Corpus, typeof(ICorpusProvider), p => ((ICorpusProvider)p).Name, p => ((ICorpusProvider)p).Description),
        new(PluginKinds.Sampler, typeof(ISampler), p => ((ISampler)p).Name, p => ((ISampler)p).Description),
        new(PluginKinds.Tokenizer, typeof(ITokenizer), p => ((ITokenizer)p).Name, p => ((ITokenizer)p).Description),
    ];
}
