using System.CommandLine;
using System.Globalization;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Torch.Workflow;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Wording;

namespace LstmTerminal.Commands;

/// <summary><c>train</c>: load the corpus, train (or resume) and checkpoint.</summary>
public sealed class TrainVerb(
    CorpusOptions corpusOptions, TextOptions text, TrainingOptions training, SamplingOptions sampling, PluginCatalog catalog, CorpusLoader loader, TrainingPlanner planner, VerbConsole console)
{
    public static Command Create(VerbRunner runner)
    {
        var corpus = CommonOptions.Corpus();
        var corpusPath = CommonOptions.CorpusPath();
        var tokenizer = CommonOptions.Tokenizer();
        var epochs = new Option<int?>("--epochs") { Description = "Epochs in total (Training:Epochs)." };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Stop at this global step (Training:MaxSteps); counts the steps of a resumed checkpoint." };
        var checkpointDirectory = CommonOptions.CheckpointDirectory();
        var resume = new Option<bool>("--resume") { Description = "Continue the checkpoint in the folder (starts fresh if there is none)." };
        var seed = new Option<int?>("--seed") { Description = "Seed for a reproducible run (Training:Seed)." };
        var json = CommonOptions.Json();
        var command = new Command("train", "Train the model on a corpus and save checkpoints.")
        {
            corpus, corpusPath, tokenizer, epochs, maxSteps, checkpointDirectory, resume, seed, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            CommonOptions.SetCorpus(overrides, parse, corpus, corpusPath);
            CommonOptions.Set(overrides, "Text:Tokenizer", parse.GetValue(tokenizer));
            CommonOptions.Set(overrides, "Training:Epochs", parse.GetValue(epochs));
            CommonOptions.Set(overrides, "Training:MaxSteps", parse.GetValue(maxSteps));
            CommonOptions.Set(overrides, "Training:CheckpointDirectory", parse.GetValue(checkpointDirectory));
            CommonOptions.Set(overrides, "Training:Seed", parse.GetValue(seed));
            return runner.RunAsync<TrainVerb>(overrides, (verb, token) => verb.RunAsync(parse.GetValue(resume), parse.GetValue(json), token), cancellationToken);
        });
        return command;
    }

    private async Task<int> RunAsync(bool resume, bool json, CancellationToken cancellationToken)
    {
        // A tokenizer name no plugin has is a bad setting: refused before anything loads.
        catalog.GetTokenizer(text.Tokenizer);
        var sampler = TrainingSamples.Sampler(catalog, sampling.Sampler, change => console.Warn(change.Message));
        if (TrainingSamples.ReplacesBeam(sampling.Sampler))
        {
            console.Error.WriteLine($"note: {SessionWording.SamplesUseBeamFallback}");
        }

        var store = new CheckpointStore(training.CheckpointDirectory);
        store.CheckUsable();
        // An existing folder is claimed at once, so a second trainer is refused before it loads anything; a new one is
        // created only once the corpus and the settings have proved usable, and held for the whole run either way.
        var folderLock = Directory.Exists(store.Directory) ? store.Lock() : null;
        try
        {
            using var trainer = await OpenTrainerAsync(resume, store, sampler, cancellationToken).ConfigureAwait(false);
            folderLock ??= store.Lock();
            var prepared = trainer.Corpus;
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"corpus {prepared.Title}: {CorpusWording.Tokens(prepared.WordCount, prepared.Vocabulary.TokenizerName)}, vocabulary {CorpusWording.Vocabulary(prepared.Vocabulary.Count, prepared.Vocabulary.TokenizerName)}, unknown {prepared.UnknownRate:P1}, {trainer.StepsPerEpoch} steps per epoch"));

            var result = await trainer.RunAsync(new ProgressPrinter(console.Error, TimeSpan.FromSeconds(2)), cancellationToken).ConfigureAwait(false);
            Report(result, prepared, json);
            return ExitCode(result);
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
    private async Task<Trainer> OpenTrainerAsync(bool resume, CheckpointStore store, ISampler sampler, CancellationToken cancellationToken)
    {
        // Read first, so the corpus provider can hand back the text the checkpoint was trained on.
        var checkpoint = resume && store.Exists ? store.Load(catalog) : null;
        var request = new CorpusRequest(corpusOptions.Path) { RecordedSource = checkpoint?.Manifest.Corpus };
        Corpus corpus;
        try
        {
            corpus = await loader
                .LoadOrFallBackAsync(corpusOptions.ProviderToLoad, request, fallback => console.Warn(CorpusWording.Fallback(fallback)), new CorpusProgressPrinter(console.Error), cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            checkpoint?.Model.Dispose();
            throw;
        }

        foreach (var notice in corpus.Notices)
        {
            console.Error.WriteLine($"note: {notice}");
        }

        if (checkpoint is not null)
        {
            console.Error.WriteLine($"resuming {store.Directory} at step {checkpoint.Manifest.Step}");
            if (planner.KeptFrom(checkpoint.Manifest) is { Count: > 0 } kept)
            {
                console.Error.WriteLine($"note: {SessionWording.KeptSettings(kept)}");
            }

            return planner.Resume(corpus, checkpoint, sampler);
        }

        if (resume)
        {
            console.Error.WriteLine($"no checkpoint in {store.Directory}; starting fresh");
        }
        else if (store.Exists)
        {
            console.Error.WriteLine($"starting fresh; the checkpoint in {store.Directory} will be replaced at the first save (use --resume to continue it)");
        }
        else
        {
            console.Error.WriteLine($"starting fresh; checkpoints go to {store.Directory}");
        }

        var vocabulary = await TokenizerCalls.LearnAsync(catalog, text.Tokenizer, corpus.Text, progress: null, cancellationToken).ConfigureAwait(false);
        return planner.StartFresh(corpus, vocabulary, sampler, store);
    }

    /// <summary>A stop by Ctrl+C or SIGTERM whose checkpoint was saved is a cancelled run; a failed save is a failure whatever stopped it.</summary>
    private static int ExitCode(TrainingResult result) => result switch
    {
        { Succeeded: true } => ExitCodes.Success,
        { Reason: StopReason.Cancelled, SaveProblem: null } => ExitCodes.Cancelled,
        _ => ExitCodes.Failure,
    };

    private void Report(TrainingResult result, PreparedCorpus prepared, bool json)
    {
        if (result.Problem is not null)
        {
            console.Error.WriteLine($"error: {result.Problem}");
        }

        if (result.SaveProblem is not null)
        {
            console.Error.WriteLine($"error: the checkpoint of step {result.Steps} was NOT saved: {result.SaveProblem}");
        }

        if (json)
        {
            JsonOutput.Write(console.Output, new TrainReport(
                result.Steps, result.EpochsCompleted, result.Loss, result.ValidationLoss, result.ValidationPerplexity, result.ValidationBitsPerCharacter,
                BitsPerCharacterText.Note(prepared), result.TokensPerSecond, prepared.Vocabulary.Count, prepared.UnknownRate, result.Checkpoint,
                result.CheckpointStep, result.Reason.ToString(), result.Elapsed.TotalSeconds));
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var loss = result.Loss is { } value ? value.ToString("F4", c) : "-";
        var validation = result.ValidationPerplexity is { } perplexity
            ? $", validation perplexity {PerplexityText.Format(perplexity)}, bits/char {BitsPerCharacterText.Format(result.ValidationBitsPerCharacter, !prepared.ValidationSpelledByTokens)}"
            : "";
        var checkpoint = result.Checkpoint is null ? "none written" : $"{result.Checkpoint} at step {result.CheckpointStep}";
        console.Output.WriteLine(string.Create(c,
            $"{result.Reason}: {result.Steps} steps, {result.EpochsCompleted} epochs, loss {loss}{validation}, {result.TokensPerSecond:F0} tokens/s in {result.Elapsed.TotalSeconds:F1} s; checkpoint {checkpoint}"));
    }
}
