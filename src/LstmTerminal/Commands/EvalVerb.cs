using System.CommandLine;
using System.Globalization;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Training;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Hosting;
using Microsoft.Extensions.DependencyInjection;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Commands;

/// <summary><c>eval</c>: score a checkpoint on the validation tail of a corpus, with the checkpoint's vocabulary.</summary>
public static class EvalVerb
{
    public static Command Create(VerbRunner runner)
    {
        var checkpointDirectory = CommonOptions.CheckpointDirectory();
        var corpus = CommonOptions.Corpus();
        var corpusPath = CommonOptions.CorpusPath();
        var json = CommonOptions.Json();
        var command = new Command("eval", "Validation loss, perplexity and unknown-word rate of a checkpoint.")
        {
            checkpointDirectory, corpus, corpusPath, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            CommonOptions.Set(overrides, "Training:CheckpointDirectory", parse.GetValue(checkpointDirectory));
            CommonOptions.SetCorpus(overrides, parse, corpus, corpusPath);
            return runner.RunAsync(overrides, context => RunAsync(context, parse.GetValue(json)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, bool json)
    {
        var corpusOptions = AppHost.Value<CorpusOptions>(context.Services);
        var training = AppHost.Value<TrainingOptions>(context.Services);
        var store = new CheckpointStore(training.CheckpointDirectory);
        var checkpoint = store.Load();
        using var model = checkpoint.Model;
        var request = new CorpusRequest(corpusOptions.Path) { RecordedSource = checkpoint.Manifest.Corpus };
        var corpus = await context.Services.GetRequiredService<CorpusLoader>()
            .LoadAsync(corpusOptions.ProviderToLoad, request, new CorpusProgressPrinter(context.Error), context.CancellationToken)
            .ConfigureAwait(false);
        foreach (var notice in corpus.Notices)
        {
            context.Error.WriteLine($"note: {notice}");
        }

        var settings = checkpoint.Manifest.Training;
        var prepared = PreparedCorpus.From(corpus, checkpoint.Vocabulary, settings.MinWordFrequency, settings.ValidationFraction);
        var (loss, perplexity) = Evaluator.Evaluate(model, prepared.Split.Validation, settings.BatchSize, settings.SequenceLength, context.CancellationToken);

        if (json)
        {
            JsonOutput.Write(context.Output, new
            {
                validationLoss = loss,
                validationPerplexity = perplexity,
                unknownRate = prepared.UnknownRate,
                vocabularySize = prepared.Vocabulary.Count,
            });
        }
        else
        {
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"validation loss {loss:F4}, perplexity {PerplexityText.Format(perplexity)}, unknown words {prepared.UnknownRate:P1}, vocabulary {prepared.Vocabulary.Count:N0} (checkpoint {store.Directory}, step {checkpoint.Manifest.Step})"));
        }

        return ExitCodes.Success;
    }
}
