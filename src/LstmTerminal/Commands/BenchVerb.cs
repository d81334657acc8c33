using System.CommandLine;
using System.Globalization;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Options;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Torch.Workflow;
using LstmTerminal.Torch.Checkpoints;
using LstmTerminal.Torch.Bench;
using LstmTerminal.Wording;

namespace LstmTerminal.Commands;

/// <summary><c>bench</c>: training and generation speed with the current settings, against the machine's GEMM rate.</summary>
public sealed class BenchVerb(CorpusOptions corpusOptions, TextOptions text, TrainingOptions training, PluginCatalog catalog, CorpusLoader loader, TrainingPlanner planner, VerbConsole console)
{
    /// <summary>The most timed steps whose sum with the warm-up still fits the step limit, an int.</summary>
    private const int MaxTimedSteps = int.MaxValue - BenchRunner.WarmupSteps;

    public static Command Create(VerbRunner runner)
    {
        var corpus = CommonOptions.Corpus();
        var corpusPath = CommonOptions.CorpusPath();
        var tokenizer = CommonOptions.Tokenizer();
        var steps = new Option<int>("--steps") { Description = "Timed training steps after warm-up.", DefaultValueFactory = _ => 20 };
        var json = CommonOptions.Json();
        var command = new Command("bench", "Measure training tokens/s, generation ms/word and the GEMM bound.") { corpus, corpusPath, tokenizer, steps, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var timedSteps = parse.GetValue(steps);
            if (timedSteps is < 1 or > MaxTimedSteps)
            {
                return runner.Fail($"--steps must be between 1 and {MaxTimedSteps}, not {timedSteps}.");
            }

            var scratch = Path.Combine(Path.GetTempPath(), "lstm-terminal-bench-" + Guid.NewGuid().ToString("N"));
            var overrides = new Dictionary<string, string?>
            {
                ["Training:MaxSteps"] = (timedSteps + BenchRunner.WarmupSteps).ToString(CultureInfo.InvariantCulture),
                ["Training:Epochs"] = "100000",
                ["Training:EvalEvery"] = int.MaxValue.ToString(CultureInfo.InvariantCulture),
                ["Training:SaveEvery"] = int.MaxValue.ToString(CultureInfo.InvariantCulture),
                ["Training:CheckpointDirectory"] = scratch,
            };
            CommonOptions.SetCorpus(overrides, parse, corpus, corpusPath);
            CommonOptions.Set(overrides, "Text:Tokenizer", parse.GetValue(tokenizer));

            return runner.RunAsync<BenchVerb>(overrides, async (verb, token) =>
            {
                try
                {
                    return await verb.RunAsync(timedSteps, parse.GetValue(json), token).ConfigureAwait(false);
                }
                finally
                {
                    if (Directory.Exists(scratch))
                    {
                        Directory.Delete(scratch, recursive: true);
                    }
                }
            }, cancellationToken);
        });
        return command;
    }

    private async Task<int> RunAsync(int steps, bool json, CancellationToken cancellationToken)
    {
        var greedy = catalog.GetSampler("greedy").Plugin;
        catalog.GetTokenizer(text.Tokenizer);
        var corpus = await loader
            .LoadOrFallBackAsync(corpusOptions.ProviderToLoad, new CorpusRequest(corpusOptions.Path), fallback => console.Warn(CorpusWording.Fallback(fallback)), progress: null, cancellationToken)
            .ConfigureAwait(false);
        var vocabulary = await TokenizerCalls.LearnAsync(catalog, text.Tokenizer, corpus.Text, progress: null, cancellationToken).ConfigureAwait(false);
        using var trainer = planner.StartFresh(corpus, vocabulary, greedy, new CheckpointStore(training.CheckpointDirectory));
        console.Error.WriteLine($"bench: {steps} timed steps of {trainer.TokensPerStep} tokens after {BenchRunner.WarmupSteps} warm-up steps, vocabulary {trainer.Corpus.Vocabulary.Count}");
        // The training text's characters per training token: the split cuts the raw text, so the head is what a step reads.
        var prepared = trainer.Corpus;
        var trainingCharacters = corpus.Text.Length - prepared.ValidationText.Length;
        var report = BenchRunner.Run(trainer, greedy, (double)trainingCharacters / prepared.Split.Training.Length, cancellationToken);

        if (json)
        {
            JsonOutput.Write(console.Output, new BenchJsonReport(
                report.TrainTokensPerSecond, report.TrainCharactersPerSecond, report.GenerateMsPerWord, report.GemmGflops, report.FlopsPerToken, report.BoundFraction,
                report.StepShares, report.PeakWorkingSetMb, report.TimedSteps, report.VocabularySize));
        }
        else
        {
            var shares = report.StepShares;
            console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"train {report.TrainTokensPerSecond:F0} tokens/s = {report.TrainCharactersPerSecond:F0} characters/s (median of {report.TimedSteps} steps), generate {report.GenerateMsPerWord:F3} ms/word, GEMM {report.GemmGflops:F1} GFLOP/s, {report.FlopsPerToken / 1e6:F2} MFLOP/token, bound fraction {report.BoundFraction:F3}, peak working set {report.PeakWorkingSetMb:F0} MB"));
            console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step time: LSTM forward {shares.LstmForward:P0}, output layer + loss {shares.OutputAndLoss:P0}, backward {shares.Backward:P0}, clip + optimizer {shares.ClipAndOptimizer:P0}, other {shares.Other:P0}"));
        }

        return ExitCodes.Success;
    }
}
