using System.CommandLine;
using LstmTerminal.Hosting;
using LstmTerminal.Views;

namespace LstmTerminal.Commands;

/// <summary>
/// The <c>lstm-terminal</c> command line: verbs parsed by System.CommandLine, <c>--Section:Key=value</c> settings
/// passed to the configuration. Writes results to <paramref name="output"/> and messages to <paramref name="error"/>.
/// </summary>
public sealed class CliApplication(TextWriter output, TextWriter error)
{
    // Prime phrases, paths and plugin messages end up in what verbs print; none may steer the terminal.
    private readonly TextWriter _output = new PrintableWriter(output);
    private readonly TextWriter _error = new PrintableWriter(error);

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var split = ConfigurationArguments.Split(args);
        var runner = new VerbRunner(split.Settings, _output, _error);
        var root = new RootCommand("Train a word-level LSTM on Shakespeare and complete prime phrases.")
        {
            TrainVerb.Create(runner),
            GenerateVerb.Create(runner),
            SuggestVerb.Create(runner),
            EvalVerb.Create(runner),
            PluginsVerb.Create(runner),
            BenchVerb.Create(runner),
            PlotVerb.Create(runner),
        };
        var corpus = CommonOptions.Corpus();
        var corpusPath = CommonOptions.CorpusPath();
        root.Options.Add(corpus);
        root.Options.Add(corpusPath);
        var tokenizer = CommonOptions.Tokenizer();
        root.Options.Add(tokenizer);
        root.Options.Add(SettingsHelp.Preset());
        SettingsHelp.AddTo(root);
        root.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            CommonOptions.SetCorpus(overrides, parse, corpus, corpusPath);
            CommonOptions.Set(overrides, "Text:Tokenizer", parse.GetValue(tokenizer));
            return runner.RunAsync<TerminalApp>(overrides, (app, token) => app.RunAsync(token), cancellationToken, TerminalApp.ShowSettingsProblem);
        });

        var parse = root.Parse(split.Command.ToArray());
        if (parse.Errors.Count > 0 && !SettingsHelp.Asked(parse))
        {
            _error.WriteLine($"error: {ParseErrorText.Explain(parse.Errors[0].Message)} (see lstm-terminal --help)");
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration
        {
            Output = _output,
            Error = _error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TerminationGrace.Timeout,
        };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
