using LstmTerminal.Core.Text;
using System.CommandLine;
using System.Globalization;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Interactive;

namespace LstmTerminal.Commands;

/// <summary><c>suggest "PRIME"</c>: the model's most likely next words after a phrase with their probabilities, for scripts and tests.</summary>
public sealed class SuggestVerb(TrainingOptions training, PluginCatalog catalog, VerbConsole console)
{
    public const int DefaultTop = 5;

    /// <summary>The checkpoint's tokenizer alone: it predicts with no sampler and reads no corpus.</summary>
    public static readonly IReadOnlySet<string> PluginKindsUsed = new HashSet<string>(StringComparer.Ordinal) { PluginKinds.Tokenizer };

    public static Command Create(VerbRunner runner)
    {
        var prime = new Argument<string>("prime") { Description = "The phrase whose next word is predicted, e.g. \"thou art more\"." };
        var top = new Option<int>("--top") { Description = $"How many of the most likely next words to print, 1-{NextTokens.MaxCount}.", DefaultValueFactory = _ => DefaultTop };
        var checkpointDirectory = CommonOptions.CheckpointDirectory();
        var json = CommonOptions.Json();
        var command = new Command("suggest", "Print the most likely next words after a prime phrase, with their probabilities.")
        {
            prime, top, checkpointDirectory, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            CommonOptions.Set(overrides, "Training:CheckpointDirectory", parse.GetValue(checkpointDirectory));
            var request = new SuggestRequest(parse.GetValue(prime) ?? string.Empty, parse.GetValue(top), parse.GetValue(json));
            return runner.RunAsync<SuggestVerb>(overrides, (verb, _) => Task.FromResult(verb.Run(request)), cancellationToken, pluginKinds: PluginKindsUsed);
        });
        return command;
    }

    private int Run(SuggestRequest request)
    {
        if (request.Top is < 1 or > NextTokens.MaxCount)
        {
            throw new UsageException($"--top must be between 1 and {NextTokens.MaxCount}; it was {request.Top}.");
        }

        var checkpoint = new CheckpointReader(training.CheckpointDirectory).LoadForInference(catalog);
        var next = new Completion(new Generator(checkpoint.Weights, checkpoint.Vocabulary)).Predict(PrimeEscapes.Read(request.Prime), request.Top);
        if (next.Prime.UnknownWords.Count > 0)
        {
            console.Error.WriteLine($"note: {CompletionText.UnknownWords(next.Prime)}");
        }

        if (request.Json)
        {
            JsonOutput.Write(console.Output, new SuggestReport(request.Prime, next.Prime.UnknownWords, [.. next.Tokens.Select(t => new TokenReport(t.Label, t.Probability))]));
        }
        else
        {
            foreach (var token in next.Tokens)
            {
                console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{SuggestionText.Visible(token.Label)}\t{token.Probability:F4}"));
            }
        }

        return ExitCodes.Success;
    }

    private sealed record SuggestRequest(string Prime, int Top, bool Json);
}
