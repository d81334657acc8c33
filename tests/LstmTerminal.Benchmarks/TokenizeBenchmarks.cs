using BenchmarkDotNet.Attributes;
using LstmTerminal.Core.Text;

namespace LstmTerminal.Benchmarks;

[MemoryDiagnoser]
public class TokenizeBenchmarks
{
    private string _text = string.Empty;
    private Vocabulary _vocabulary = new([]);

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(SharedData.TinyShakespeare);
        _vocabulary = Vocabulary.Build(TextNormalizer.Tokenize(_text), 5);
    }

    [Benchmark(Description = "normalise + tokenise + encode tinyshakespeare")]
    public int NormaliseAndEncode() => _vocabulary.Encode(TextNormalizer.Tokenize(_text)).Length;
}
