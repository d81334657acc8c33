namespace LstmTerminal.Core.Plugins;

/// <summary>The values of <see cref="LoadedPlugin{T}.Kind"/>, as shown to users.</summary>
public static class PluginKinds
{
    public const string Corpus = "corpus";
    public const string Sampler = "sampler";
    public const string Tokenizer = "tokenizer";
}
