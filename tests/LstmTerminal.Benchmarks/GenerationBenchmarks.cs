using BenchmarkDotNet.Attributes;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;
using Generator = LstmTerminal.Core.Generation.Generator;
using LstmTerminal.Torch.Model;

namespace LstmTerminal.Benchmarks;

/// <summary>One generation step of the recipe-sized model (128/128) over the tinyshakespeare vocabulary.</summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private Generator _generator = null!;
    private ISampler _greedy = null!;
    private PrimeEncoding _prime = null!;
    private readonly SamplingSettings _oneWord = new() { Words = 1, Temperature = 1.0, Seed = 1 };
    private readonly SamplingSettings _tenWords = new() { Words = 10, Temperature = 1.0, Seed = 1 };

    [GlobalSetup]
    public void Setup()
    {
        var plugins = PluginCatalog.Load(PluginsFolder.Path, PluginContext.Empty);
        var vocabulary = TokenizerCalls.LearnAsync(plugins, TokenizerNames.Words, File.ReadAllText(SharedData.TinyShakespeare), null, CancellationToken.None).GetAwaiter().GetResult();
        using var model = new LstmLanguageModel(new ModelShape { VocabularySize = vocabulary.Count, EmbeddingSize = 128, RnnSize = 128, Layers = 1, Dropout = 0 });
        _generator = new Generator(model.ExportWeights(), vocabulary);
        _greedy = plugins.GetSampler("greedy").Plugin;
        _prime = _generator.Encode("thou");
    }

    [Benchmark(Description = "one word from a one-word prime")]
    public int OneStep() => _generator.Continue(_prime, _greedy, _oneWord).Single().Id;

    [Benchmark(Description = "ten words from the generator")]
    public int TenWords() => _generator.Continue(_prime, _greedy, _tenWords).Count();

    /// <summary>What generate, the console and the samples pay on top of the generator: reading the prime, the events.</summary>
    [Benchmark(Description = "ten words through the completion path")]
    public int TenWordsThroughCompletion() => new Completion(_generator).Start("thou", _greedy, _tenWords).Stream().Count();
}
