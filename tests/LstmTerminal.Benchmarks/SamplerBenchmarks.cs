using BenchmarkDotNet.Attributes;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Benchmarks;

/// <summary>Each loaded sampler's <c>Next</c> on a 10,000-word logit vector.</summary>
[MemoryDiagnoser]
public class SamplerBenchmarks
{
    private const int VocabularySize = 10_000;
    private PluginCatalog _catalog = null!;
    private ISampler _sampler = null!;
    private float[] _logits = [];
    private SamplingContext _context = null!;

    public static IEnumerable<string> SamplerNames() =>
        PluginCatalog.Load(PluginsFolder.Path, PluginContext.Empty).Samplers.Select(s => s.Name);

    [ParamsSource(nameof(SamplerNames))]
    public string Sampler { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _catalog = PluginCatalog.Load(PluginsFolder.Path, PluginContext.Empty);
        _sampler = _catalog.GetSampler(Sampler).Plugin;
        var random = new Random(1);
        _logits = Enumerable.Range(0, VocabularySize).Select(_ => (float)(random.NextDouble() * 10 - 5)).ToArray();
        _context = new SamplingContext(new Random(2), new HashSet<int> { 0 }) { Temperature = 0.8 };
    }

    [Benchmark]
    public int Next() => _sampler.Next(_logits, _context);
}
