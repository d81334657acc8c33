using System.CommandLine;
using System.Globalization;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Data;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Torch.Training;
using LstmTerminal.Torch.Checkpoints;

namespace LstmTerminal.Commands;

/// <summary><c>eval</c>: score a checkpoint on the validation tail of a corpus, with the checkpoint's vocabulary.</summary>
public sealed class EvalVerb(CorpusOptions corpusOptions, TrainingOptions training, PluginCatalog catalog, CorpusLoader loader, VerbConsole console)
{
    public static Command Create(VerbRunner runner)
    {
        var checkpointDirectory = CommonOptions.CheckpointDirectory();
        var corpus = CommonOptions.Corpus();
        var corpusPath = CommonOptions.CorpusPath();
        var tokenizer = CommonOptions.Tokenizer();
        tokenizer.Description = "Refuse the checkpoint unless it was trained with this tokenizer plugin (it is always evaluated with its own).";
        var json = CommonOptions.Json();
        var command = new Command("eval", "Validation loss, perplexity, bits per character and unknown-word rate of a checkpoint.")
        {
            checkpointDirectory, corpus, corpusPath, tokenizer, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            CommonOptions.Set(overrides, "Training:CheckpointDirectory", parse.GetValue(checkpointDirectory));
            CommonOptions.SetCorpus(overrides, parse, corpus, corpusPath);
            return runner.RunAsync<EvalVerb>(overrides, (verb, token) => verb.RunAsync(parse.GetValue(tokenizer), parse.GetValue(json), token), cancellationToken);
        });
        return command;
    }

    /// <param name="expectedTokenizer">The tokenizer the user named, if any: a checkpoint of another is refused.</param>
    private async Task<int> RunAsync(string? expectedTokenizer, bool json, CancellationToken cancellationToken)
    {
        var store = new CheckpointStore(training.CheckpointDirectory);
        var checkpoint = store.Load(catalog);
        using var model = checkpoint.Model;
        var recorded = checkpoint.Vocabulary.TokenizerName;
        if (expectedTokenizer is not null && !string.Equals(expectedTokenizer, recorded, StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"The checkpoint in {store.Directory} was trained with the tokenizer '{recorded}', not '{expectedTokenizer}'; drop --tokenizer or name '{recorded}'.");
        }

        var request = new CorpusRequest(corpusOptions.Path) { RecordedSource = checkpoint.Manifest.Corpus };
        var corpus = await loader.LoadAsync(corpusOptions.ProviderToLoad, request, new CorpusProgressPrinter(console.Error), cancellationToken).ConfigureAwait(false);
        foreach (var notice in corpus.Notices)
        {
            console.Error.WriteLine($"note: {notice}");
        }

        var settings = checkpoint.Manifest.Training;
        var prepared = PreparedCorpus.From(corpus, checkpoint.Vocabulary, settings.ValidationFraction);
        if (prepared.Split.Validation.Length < 2)
        {
            // Said here, where the text is known: the evaluator's own refusal speaks of "the text" only.
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"The validation text of '{corpus.Title}' (its last {settings.ValidationFraction:P1}, the checkpoint's Training:ValidationFraction) is {prepared.ValidationCharacters} characters, {prepared.Split.Validation.Length} tokens; scoring needs at least 2 tokens. Evaluate on a longer corpus."));
        }

        var score = Evaluator.Validate(model, prepared, settings.BatchSize, settings.SequenceLength, cancellationToken);

        if (json)
        {
            JsonOutput.Write(console.Output, new EvalReport(
                score.Loss, score.Perplexity, score.BitsPerCharacter, BitsPerCharacterText.Note(prepared), prepared.UnknownRate, prepared.Vocabulary.Count));
        }
        else
        {
            var bits = BitsPerCharacterText.Format(score.BitsPerCharacter, !prepared.ValidationSpelledByTokens);
            console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"validation loss {score.Loss:F4}, perplexity {PerplexityText.Format(score.Perplexity)}, bits/char {bits}, unknown words {prepared.UnknownRate:P1}, vocabulary {prepared.Vocabulary.Count:N0} (checkpoint {store.Directory}, step {checkpoint.Manifest.Step})"));
        }

        return ExitCodes.Success;
    }
}
