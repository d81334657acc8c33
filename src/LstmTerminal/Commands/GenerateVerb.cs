using LstmTerminal.Core.Text;
using System.CommandLine;
using System.Globalization;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Interactive;
using LstmTerminal.Core.Checkpoints;
using static System.FormattableString;

namespace LstmTerminal.Commands;

/// <summary>
/// <c>generate "PRIME"</c>: complete a phrase with a trained checkpoint, streaming the text piece by piece as the corpus
/// writes it (line breaks included), or compare every sampler. The prime is read through <see cref="PrimeEscapes"/>.
/// </summary>
public sealed class GenerateVerb(SamplingOptions sampling, TrainingOptions training, PluginCatalog catalog, VerbConsole console)
{
    /// <summary>The checkpoint's tokenizer and the samplers: no corpus provider is loaded, so none can slow or break a start.</summary>
    public static readonly IReadOnlySet<string> PluginKindsUsed = new HashSet<string>(StringComparer.Ordinal) { PluginKinds.Sampler, PluginKinds.Tokenizer };

    public static Command Create(VerbRunner runner)
    {
        var prime = new Argument<string>("prime") { Description = "The phrase to continue, e.g. \"thou art more\"; \\n is a line break, \\\\ a backslash." };
        var sampler = new Option<string?>("--sampler") { Description = "Sampler plugin name (Sampling:Sampler), e.g. greedy, temperature, top-k, nucleus, or beam." };
        var temperature = new Option<double?>("--temperature") { Description = Invariant($"Softmax temperature, above 0 and at most {SamplingSettings.MaxTemperature} (Sampling:Temperature).") };
        var words = new Option<int?>("--words")
        {
            Description = $"Tokens to generate (words, characters or subwords: the checkpoint's level), {SamplingSettings.MinWords}-{SamplingSettings.MaxWords} (Sampling:Words).",
        };
        var seed = new Option<int?>("--seed") { Description = "Seed for a reproducible completion (Sampling:Seed)." };
        var topK = new Option<int?>("--top-k") { Description = "Words the top-k sampler keeps; 0 = its own Plugins:top-k:K (Sampling:TopK)." };
        var topP = new Option<double?>("--top-p") { Description = "Probability mass the nucleus sampler keeps, in (0, 1]; 1 = its own Plugins:nucleus:P (Sampling:TopP)." };
        var penalty = new Option<double?>("--repetition-penalty")
        {
            Description = Invariant($"Penalty on words already generated, 1 (off) to {SamplingSettings.MaxRepetitionPenalty} (Sampling:RepetitionPenalty)."),
        };
        var noRepeat = new Option<int?>("--no-repeat-ngram")
        {
            Description = $"Never repeat an n-gram of this size; 0 = off, else {SamplingSettings.MinNoRepeatNgram}-{SamplingSettings.MaxNoRepeatNgram} (Sampling:NoRepeatNgram).",
        };
        var beamWidth = new Option<int?>("--beam-width") { Description = $"Hypotheses kept by the beam sampler, 1-{SamplingSettings.MaxBeamWidth} (Sampling:BeamWidth)." };
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
            var request = new GenerateRequest(PrimeEscapes.Read(parse.GetValue(prime) ?? string.Empty), parse.GetValue(compare), parse.GetValue(json));
            return runner.RunAsync<GenerateVerb>(overrides, (verb, ct) => Task.FromResult(verb.Run(request, ct)), cancellationToken, pluginKinds: PluginKindsUsed);
        });
        return command;
    }

    private int Run(GenerateRequest request, CancellationToken cancellationToken)
    {
        var settings = sampling.ToSettings();
        var reader = new CheckpointReader(training.CheckpointDirectory);
        var checkpoint = reader.LoadForInference(catalog);
        var completion = new Completion(new Generator(checkpoint.Weights, checkpoint.Vocabulary));
        if (request.Compare)
        {
            var report = completion.Duel(request.Prime, settings, catalog, cancellationToken);
            NoteUnknownWords(report.Prime);
            DuelPrinter.Write(console.Output, report, request.Json);
            return ExitCodes.Success;
        }

        var run = completion.Start(request.Prime, settings, catalog);
        NoteUnknownWords(run.Prime);
        if (!request.Json)
        {
            console.Output.Write(run.Prime.Text);
        }

        foreach (var reported in run.Stream(cancellationToken))
        {
            switch (reported)
            {
                case SamplerSwitched { Switch: var change }:
                    console.Warn(change.Message);
                    break;
                case TokenGenerated { Token: var token } when !request.Json:
                    console.Output.Write(token.Piece);
                    console.Output.Flush();
                    break;
            }
        }

        if (request.Json)
        {
            JsonOutput.Write(console.Output, new GenerateReport(
                request.Prime, run.Text, [.. run.Tokens.Select(t => new WordReport(t.Label, t.Piece, t.Probability))], run.Prime.UnknownWords, run.Sampler, run.Settings.Seed));
        }
        else
        {
            console.Output.WriteLine();
            console.Error.WriteLine($"{Describe(run)}; checkpoint {reader.Directory}");
        }

        return ExitCodes.Success;
    }

    private void NoteUnknownWords(PrimeEncoding prime)
    {
        if (prime.UnknownWords.Count > 0)
        {
            console.Error.WriteLine($"note: {CompletionText.UnknownWords(prime)}");
        }
    }

    /// <summary>The sampler that wrote the tokens (a fallback's name if the chosen one failed) and the settings that apply to it.</summary>
    private static string Describe(CompletionRun run)
    {
        var settings = run.Settings;
        var mode = run.BeamWidth is { } width ? $"beam width {width}" : Invariant($"temperature {settings.Temperature}");
        return string.Create(CultureInfo.InvariantCulture,
            $"sampler {run.Sampler}, {mode}, repetition penalty {settings.RepetitionPenalty}, no-repeat n-gram {settings.NoRepeatNgram}, seed {settings.Seed}");
    }

    private sealed record GenerateRequest(string Prime, bool Compare, bool Json);
}
