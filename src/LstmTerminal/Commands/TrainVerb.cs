using System.CommandLine;
using System.Globalization;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Training;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Hosting;
using Microsoft.Extensions.DependencyInjection;
using LstmTerminal.Torch.Workflow;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Commands;

/// <summary><c>train</c>: load the corpus, train (or resume) and checkpoint.</summary>
public static class TrainVerb
{
    public static Command Create(VerbRunner runner)
    {
        var corpus = CommonOptions.Corpus();
        var corpusPath = CommonOptions.CorpusPath();
        var epochs = new Option<int?>("--epochs") { Description = "Epochs in total (Training:Epochs)." };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Stop at this global step (Training:MaxSteps); counts the steps of a resumed checkpoint." };
        var checkpointDirectory = CommonOptions.CheckpointDirectory();
        var resume = new Option<bool>("--resume") { Description = "Continue the checkpoint in the folder (starts fresh if there is none)." };
        var seed = new Option<int?>("--seed") { Description = "Seed for a reproducible run (Training:Seed)." };
        var json = CommonOptions.Json();
        var command = new Command("train", "Train the model on a corpus and save checkpoints.")
        {
            corpus, corpusPath, epochs, maxSteps, checkpointDirectory, resume, seed, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            CommonOptions.SetCorpus(overrides, parse, corpus, corpusPath);
            CommonOptions.Set(overrides, "Training:Epochs", parse.GetValue(epochs));
            CommonOptions.Set(overrides, "Training:MaxSteps", parse.GetValue(maxSteps));
            CommonOptions.Set(overrides, "Training:CheckpointDirectory", parse.GetValue(checkpointDirectory));
            CommonOptions.Set(overrides, "Training:Seed", parse.GetValue(seed));
            return runner.RunAsync(overrides, context => RunAsync(context, parse.GetValue(resume), parse.GetValue(json)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, bool resume, bool json)
    {
        var services = context.Services;
        var corpusOptions = AppHost.Value<CorpusOptions>(services);
        var training = AppHost.Value<TrainingOptions>(services);
        var sampling = AppHost.Value<SamplingOptions>(services);
        var sampler = TrainingSamples.Sampler(services.GetRequiredService<PluginCatalog>(), sampling.Sampler, change => context.Warn(change.Message), out var samplesNotice);
        if (samplesNotice is not null)
        {
            context.Error.WriteLine($"note: {samplesNotice}");
        }

        var planner = services.GetRequiredService<TrainingPlanner>();
        var store = new CheckpointStore(training.CheckpointDirectory);
        store.CheckUsable();
        // An existing folder is claimed at once, so a second trainer is refused before it loads anything; a new one is
        // created only once the corpus and the settings have proved usable, and held for the whole run either way.
        var folderLock = Directory.Exists(store.Directory) ? store.Lock() : null;
        try
        {
            using var trainer = await OpenTrainerAsync(context, resume, store, planner, corpusOptions, sampler).ConfigureAwait(false);
            folderLock ??= store.Lock();
            var prepared = trainer.Corpus;
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"corpus {prepared.Title}: {prepared.WordCount:N0} words, vocabulary {prepared.Vocabulary.Count:N0}, unknown {prepared.UnknownRate:P1}, {trainer.StepsPerEpoch} steps per epoch"));

            var result = await trainer.RunAsync(new ProgressPrinter(context.Error, TimeSpan.FromSeconds(2)), context.CancellationToken).ConfigureAwait(false);
            Report(context, result, prepared.Vocabulary.Count, prepared.UnknownRate, json);
            return result.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        }
        finally
        {
            folderLock?.Dispose();
        }
    }

    /// <summary>
    /// Reads the checkpoint to resume (first, so that a damaged one is refused before a long corpus load), loads the
    /// corpus and builds the trainer; the corpus text is garbage once this returns, not held through training.
    /// </summary>
    private static async Task<Trainer> OpenTrainerAsync(
        VerbContext context, bool resume, CheckpointStore store, TrainingPlanner planner, CorpusOptions corpusOptions, ISampler sampler)
    {
        // Read first, so the corpus provider can hand back the text the checkpoint was trained on.
        var checkpoint = resume && store.Exists ? store.Load() : null;
        var request = new CorpusRequest(corpusOptions.Path) { RecordedSource = checkpoint?.Manifest.Corpus };
        Corpus corpus;
        try
        {
            corpus = await context.Services.GetRequiredService<CorpusLoader>()
                .LoadOrFallBackAsync(corpusOptions.ProviderToLoad, request, context.Warn, new CorpusProgressPrinter(context.Error), context.CancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            checkpoint?.Model.Dispose();
            throw;
        }

        foreach (var notice in corpus.Notices)
        {
            context.Error.WriteLine($"note: {notice}");
        }

        if (checkpoint is not null)
        {
            context.Error.WriteLine($"resuming {store.Directory} at step {checkpoint.Manifest.Step}");
            return planner.Resume(corpus, checkpoint, sampler);
        }

        if (resume)
        {
            context.Error.WriteLine($"no checkpoint in {store.Directory}; starting fresh");
        }
        else if (store.Exists)
        {
            context.Error.WriteLine($"starting fresh; the checkpoint in {store.Directory} will be replaced at the first save (use --resume to continue it)");
        }
        else
        {
            context.Error.WriteLine($"starting fresh; checkpoints go to {store.Directory}");
        }

        return planner.StartFresh(corpus, sampler, store);
    }

    private static void Report(VerbContext context, TrainingResult result, int vocabularySize, double unknownRate, bool json)
    {
        if (result.Problem is not null)
        {
            context.Error.WriteLine($"error: {result.Problem}");
        }

        if (result.SaveProblem is not null)
        {
            context.Error.WriteLine($"error: the checkpoint of step {result.Steps} was NOT saved: {result.SaveProblem}");
        }

        if (json)
        {
            JsonOutput.Write(context.Output, new
            {
                steps = result.Steps,
                epochs = result.EpochsCompleted,
                loss = result.Loss,
                validationLoss = result.ValidationLoss,
                validationPerplexity = result.ValidationPerplexity,
                tokensPerSecond = result.TokensPerSecond,
                vocabularySize,
                unknownRate,
                checkpoint = result.Checkpoint,
                checkpointStep = result.CheckpointStep,
                stopReason = result.Reason.ToString(),
                elapsedSeconds = result.Elapsed.TotalSeconds,
            });
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var loss = result.Loss is { } value ? value.ToString("F4", c) : "-";
        var validation = result.ValidationPerplexity is { } perplexity ? $", validation perplexity {PerplexityText.Format(perplexity)}" : "";
        var checkpoint = result.Checkpoint is null ? "none written" : $"{result.Checkpoint} at step {result.CheckpointStep}";
        context.Output.WriteLine(string.Create(c,
            $"{result.Reason}: {result.Steps} steps, {result.EpochsCompleted} epochs, loss {loss}{validation}, {result.TokensPerSecond:F0} tokens/s in {result.Elapsed.TotalSeconds:F1} s; checkpoint {checkpoint}"));
    }
}
