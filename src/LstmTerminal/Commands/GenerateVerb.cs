using System.CommandLine;
using System.Globalization;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LstmTerminal.Commands;

/// <summary><c>generate "PRIME"</c>: complete a phrase with a trained checkpoint, streaming words.</summary>
public static class GenerateVerb
{
    public static Command Create(VerbRunner runner)
    {
        var prime = new Argument<string>("prime") { Description = "The phrase to continue, e.g. \"thou art more\"." };
        var sampler = new Option<string?>("--sampler") { Description = "Sampler plugin name (Sampling:Sampler), e.g. greedy or temperature." };
        var temperature = new Option<double?>("--temperature") { Description = "Softmax temperature > 0 (Sampling:Temperature)." };
        var words = new Option<int?>("--words") { Description = "Words to generate (Sampling:Words)." };
        var seed = new Option<int?>("--seed") { Description = "Seed for a reproducible completion (Sampling:Seed)." };
        var checkpointDirectory = CommonOptions.CheckpointDirectory();
        var json = CommonOptions.Json();
        var command = new Command("generate", "Continue a prime phrase with the trained model.")
        {
            prime, sampler, temperature, words, seed, checkpointDirectory, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            CommonOptions.Set(overrides, "Sampling:Sampler", parse.GetValue(sampler));
            CommonOptions.Set(overrides, "Sampling:Temperature", parse.GetValue(temperature));
            CommonOptions.Set(overrides, "Sampling:Words", parse.GetValue(words));
            CommonOptions.Set(overrides, "Sampling:Seed", parse.GetValue(seed));
            CommonOptions.Set(overrides, "Training:CheckpointDirectory", parse.GetValue(checkpointDirectory));
            return runner.RunAsync(overrides, context => Task.FromResult(Run(context, parse.GetValue(prime) ?? string.Empty, parse.GetValue(json))), cancellationToken);
        });
        return command;
    }

    private static int Run(VerbContext context, string prime, bool json)
    {
        var sampling = AppHost.Value<SamplingOptions>(context.Services);
        var training = AppHost.Value<TrainingOptions>(context.Services);
        var sampler = context.Services.GetRequiredService<PluginCatalog>().GetSampler(sampling.Sampler);
        var checkpoint = new CheckpointStore(training.CheckpointDirectory).Load();
        using var generator = new Generator(checkpoint.Model, checkpoint.Vocabulary);
        var encoding = generator.Encode(prime);
        if (encoding.UnknownWords.Count > 0)
        {
            context.Error.WriteLine($"note: not in the vocabulary, read as <unk>: {string.Join(", ", encoding.UnknownWords)}");
        }

        var seed = sampling.Seed ?? Random.Shared.Next();
        var settings = new GenerationSettings(sampling.Words, sampling.Temperature, seed);
        var generated = new List<GeneratedWord>(settings.Words);
        if (!json)
        {
            context.Output.Write(string.Join(' ', encoding.Words));
        }

        foreach (var word in generator.Continue(encoding, sampler.Plugin, settings, context.CancellationToken))
        {
            generated.Add(word);
            if (!json)
            {
                context.Output.Write(' ' + word.Word);
                context.Output.Flush();
            }
        }

        if (json)
        {
            JsonOutput.Write(context.Output, new
            {
                prime,
                text = string.Join(' ', generated.Select(w => w.Word)),
                words = generated.Select(w => new { word = w.Word, probability = w.Probability }),
                unknownWords = encoding.UnknownWords,
                sampler = sampler.Name,
                seed,
            });
        }
        else
        {
            context.Output.WriteLine();
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sampler {sampler.Name}, temperature {settings.Temperature}, seed {seed}"));
        }

        return ExitCodes.Success;
    }
}
