using BenchmarkDotNet.Attributes;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Benchmarks;

/// <summary>
/// Learning and encoding with each shipped tokenizer on 5.5 MB, the size of Gutenberg's complete Shakespeare, made from
/// tinyshakespeare by repeating it in five variants (as is, upper case, CRLF line breaks, lower case, accented e).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class TokenizerBenchmarks
{
    private string _text = string.Empty;
    private ITokenizer _tokenizer = null!;
    private string _state = string.Empty;

    [Params("words", "characters", "subwords")]
    public string Tokenizer { get; set; } = string.Empty;

    [GlobalSetup]
    public async Task Setup()
    {
        var tiny = await File.ReadAllTextAsync(SharedData.TinyShakespeare);
        _text = string.Concat(tiny, tiny.ToUpperInvariant(), tiny.Replace("\n", "\r\n", StringComparison.Ordinal), tiny.ToLowerInvariant(), tiny.Replace('e', 'é'));
        _tokenizer = PluginCatalog.Load(PluginsFolder.Path, PluginContext.Empty).GetTokenizer(Tokenizer).Plugin;
        _state = (await _tokenizer.LearnAsync(_text, null, CancellationToken.None)).Save();
    }

    [Benchmark(Description = "learn on 5.5 MB (subwords: 2,000 merges)")]
    public async Task<int> Learn() => (await _tokenizer.LearnAsync(_text, null, CancellationToken.None)).Count;

    /// <summary>A vocabulary fresh from its saved state, as after opening a checkpoint: nothing cached yet.</summary>
    [Benchmark(Description = "encode 5.5 MB")]
    public int Encode() => _tokenizer.Load(_state).Encode(_text).Ids.Length;
}
