using System.CommandLine;
using System.Globalization;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LstmTerminal.Commands;

/// <summary><c>generate "PRIME"</c>: complete a phrase with a trained checkpoint, streaming words, or compare every sampler.</summary>
public static class GenerateVerb
{
    public static Command Create(VerbRunner runner)
    {
        var prime = new Argument<string>("prime") { Description = "The phrase to continue, e.g. \"thou art more\"." };
        var sampler = new Option<string?>("--sampler") { Description = "Sampler plugin name (Sampling:Sampler), e.g. greedy, temperature, top-k, nucleus, or beam." };
        var temperature = new Option<double?>("--temperature") { Description = "Softmax temperature > 0 (Sampling:Temperature)." };
        var words = new Option<int?>("--words") { Description = "Words to generate (Sampling:Words)." };
        var seed = new Option<int?>("--seed") { Description = "Seed for a reproducible completion (Sampling:Seed)." };
        var topK = new Option<int?>("--top-k") { Description = "Words the top-k sampler keeps; 0 = its own Plugins:top-k:K (Sampling:TopK)." };
        var topP = new Option<double?>("--top-p") { Description = "Probability mass the nucleus sampler keeps, in (0, 1]; 1 = its own Plugins:nucleus:P (Sampling:TopP)." };
        var penalty = new Option<double?>("--repetition-penalty") { Description = "Penalty on words already generated, 1 (off) to 10 (Sampling:RepetitionPenalty)." };
        var noRepeat = new Option<int?>("--no-repeat-ngram") { Description = "Never repeat an n-gram of this size; 0 = off, else 2-10 (Sampling:NoRepeatNgram)." };
        var beamWidth = new Option<int?>("--beam-width") { Description = "Hypotheses kept by the beam sampler, 1-64 (Sampling:BeamWidth)." };
        var compare = new Option<bool>("--compare") { Description = "Complete the prime with every sampler and beam search, side by side." };
        var checkpointDirectory = CommonOptions.CheckpointDirectory();
        var json = CommonOptions.Json();
        var command = new Command("generate", "Continue a prime phrase with the trained model.")
        {
            prime, sampler, temperature, words, seed, topK, topP, penalty, noRepeat, beamWidth, compare, checkpointDirectory, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            CommonOptions.Set(overrides, "Sampling:Sampler", parse.GetValue(sampler));
            CommonOptions.Set(overrides, "Sampling:Temperature", parse.GetValue(temperature));
            CommonOptions.Set(overrides, "Sampling:Words", parse.GetValue(words));
            CommonOptions.Set(overrides, "Sampling:Seed", parse.GetValue(seed));
            CommonOptions.Set(overrides, "Sampling:TopK", parse.GetValue(topK));
            CommonOptions.Set(overrides, "Sampling:TopP", parse.GetValue(topP));
            CommonOptions.Set(overrides, "Sampling:RepetitionPenalty", parse.GetValue(penalty));
            CommonOptions.Set(overrides, "Sampling:NoRepeatNgram", parse.GetValue(noRepeat));
            CommonOptions.Set(overrides, "Sampling:BeamWidth", parse.GetValue(beamWidth));
            CommonOptions.Set(overrides, "Training:CheckpointDirectory", parse.GetValue(checkpointDirectory));
            var request = new GenerateRequest(parse.GetValue(prime) ?? string.Empty, parse.GetValue(compare), parse.GetValue(json));
            return runner.RunAsync(overrides, context => Task.FromResult(Run(context, request)), cancellationToken);
        });
        return command;
    }

    private static int Run(VerbContext context, GenerateRequest request)
    {
        var sampling = AppHost.Value<SamplingOptions>(context.Services);
        var training = AppHost.Value<TrainingOptions>(context.Services);
        var catalog = context.Services.GetRequiredService<PluginCatalog>();
        var isBeam = BeamSearch.IsNamed(sampling.Sampler);
        var sampler = request.Compare || isBeam ? null : GetSampler(catalog, sampling.Sampler, change => context.Warn(change.Message));
        var reader = new CheckpointReader(training.CheckpointDirectory);
        var checkpoint = reader.LoadForInference();
        var generator = new Generator(checkpoint.Weights, checkpoint.Vocabulary);

        var encoding = generator.Encode(request.Prime);
        if (encoding.UnknownWords.Count > 0)
        {
            context.Error.WriteLine($"note: not in the vocabulary, read as <unk>: {string.Join(", ", encoding.UnknownWords)}");
        }

        var seed = sampling.Seed ?? Random.Shared.Next();
        var settings = sampling.ToGenerationSettings(seed);
        if (request.Compare)
        {
            var report = new SamplerDuel(generator).Run(encoding, catalog.Samplers.Select(s => s.Plugin).ToList(), settings, sampling.BeamWidth, context.CancellationToken);
            DuelPrinter.Write(context.Output, report, request.Json);
            return ExitCodes.Success;
        }

        var generated = new List<GeneratedWord>(settings.Words);
        if (!request.Json)
        {
            context.Output.Write(string.Join(' ', encoding.Words));
        }

        var stream = sampler is null
            ? generator.ContinueWithBeam(encoding, sampling.BeamWidth, settings, context.CancellationToken)
            : generator.Continue(encoding, sampler, settings, context.CancellationToken);
        foreach (var word in stream)
        {
            generated.Add(word);
            if (!request.Json)
            {
                context.Output.Write(' ' + word.Word);
                context.Output.Flush();
            }
        }

        // Read after generating: a sampler that failed has been replaced by its fallback.
        var samplerName = sampler?.Name ?? BeamSearch.SamplerName;
        if (request.Json)
        {
            JsonOutput.Write(context.Output, new
            {
                prime = request.Prime,
                text = string.Join(' ', generated.Select(w => w.Word)),
                words = generated.Select(w => new { word = w.Word, probability = w.Probability }),
                unknownWords = encoding.UnknownWords,
                sampler = samplerName,
                seed,
            });
        }
        else
        {
            context.Output.WriteLine();
            context.Error.WriteLine($"{Describe(samplerName, settings, sampling.BeamWidth)}; checkpoint {reader.Directory}");
        }

        return ExitCodes.Success;
    }

    /// <summary>Beam search is a generator mode, not a plugin, so the list of known samplers names it too.</summary>
    private static FallbackSampler GetSampler(PluginCatalog catalog, string name, Action<SamplerSwitch> switched)
    {
        try
        {
            return FallbackSampler.For(catalog, name, switched);
        }
        catch (PluginNotFoundException e)
        {
            throw new PluginNotFoundException($"{e.Message} Beam search is available as '{BeamSearch.SamplerName}'.");
        }
    }

    private static string Describe(string sampler, GenerationSettings settings, int beamWidth)
    {
        var mode = sampler == BeamSearch.SamplerName ? $"beam width {beamWidth}" : $"temperature {settings.Temperature}";
        return string.Create(CultureInfo.InvariantCulture,
            $"sampler {sampler}, {mode}, repetition penalty {settings.RepetitionPenalty}, no-repeat n-gram {settings.NoRepeatNgram}, seed {settings.Seed}");
    }

    private sealed record GenerateRequest(string Prime, bool Compare, bool Json);
}
