using LstmTerminal.Core.Text;
using System.Globalization;
using LstmTerminal.Core;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Plugins;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Interactive;

/// <summary>
/// The console's behaviour without a screen: runs the /commands of <see cref="ConsoleCommands"/>, and completes primes
/// through Core's <see cref="Completion"/> on a background task that streams each token's piece into the transcript. A
/// word holding an unlikely token (<see cref="GeneratedToken.IsUnlikely"/>) gets a trailing mark (<see cref="UnlikelyMarks"/>).
/// A typed phrase is read through <see cref="PrimeEscapes"/> (\n is a line break).
/// </summary>
public sealed class CompletionConsole(IGeneratorSource models, PluginCatalog catalog, ConsoleTranscript transcript, SamplingSettings initial, ILogger logger)
{
    /// <summary>The keys' range: a step past it would be a temperature few want, /temperature still reaches the whole range.</summary>
    private const double MinKeyTemperature = 0.1;
    private const double MaxKeyTemperature = 5.0;
    private const double TemperatureStep = 0.1;

    private readonly Lock _gate = new();
    private SamplingSettings _settings = initial;
    private Task _completion = Task.CompletedTask;

    /// <summary>The next-token predictions of the prediction strip.</summary>
    public SuggestionFeed Suggestions { get; } = new(models, logger, TimeProvider.System);

    /// <summary>Co-writing: the manuscript a kept completion is added to and whose last words every completion continues.</summary>
    public ManuscriptConsole? Manuscript { get; init; }

    /// <summary>"Beat the model", where there is validation text to deal from (the terminal UI's session).</summary>
    public GameConsole? Game { get; init; }

    public SamplingSettings Settings
    {
        get { lock (_gate) { return _settings; } }
    }

    /// <summary>The commands, made for each use: a command line is rare, and they read this console's current state.</summary>
    private IReadOnlyList<ConsoleCommand> Commands => ConsoleCommands.For(this);

    public IEnumerable<string> SamplerNames => catalog.Samplers.Select(s => s.Name);

    /// <summary>The text whose next word the strip predicts for what is typed: none for a command.</summary>
    public string SuggestionContext(string typed) =>
        typed.TrimStart().StartsWith('/') || Game is { IsPlaying: true } ? string.Empty : WithContext(PrimeEscapes.Read(typed));

    private string WithContext(string typed) => Manuscript?.WithContext(typed) ?? typed;

    /// <summary>
    /// Handles one input line; returns the completion it started (already complete for a command). With
    /// <paramref name="keep"/>, the prime and its continuation are added to the manuscript.
    /// </summary>
    public Task Submit(string line, CancellationToken cancellationToken, bool keep = false)
    {
        var text = line.Trim();
        if (text.Length == 0)
        {
            return Task.CompletedTask;
        }

        if (text.StartsWith('/'))
        {
            return RunCommand(text, cancellationToken);
        }

        return Game is { IsPlaying: true } game
            ? game.Guess(text, cancellationToken)
            : StartCompletion(text, cancellation => Complete(PrimeEscapes.Read(text), Settings, keep, cancellation), cancellationToken);
    }

    /// <summary>Sets the sampler plugin or beam search; returns false (and says why) when no sampler has that name.</summary>
    public bool SetSampler(string name)
    {
        if (BeamSearch.IsNamed(name))
        {
            return TryChange(s => s with { Sampler = BeamSearch.SamplerName },
                $"sampler: beam search, width {Settings.BeamWidth} (the most likely continuation; temperature and seed do not apply)");
        }

        try
        {
            var sampler = catalog.GetSampler(name);
            return TryChange(s => s with { Sampler = sampler.Name }, $"sampler: {sampler.Name} ({sampler.Description})");
        }
        catch (PluginNotFoundException e)
        {
            transcript.AddError(e.Message);
            return false;
        }
    }

    public void NextSampler()
    {
        var names = SamplerNames.Append(BeamSearch.SamplerName).ToList();
        if (names.Count == 1)
        {
            transcript.AddError("No samplers are loaded; press F9 to see the plugin errors.");
            return;
        }

        var current = names.FindIndex(n => string.Equals(n, Settings.Sampler, StringComparison.OrdinalIgnoreCase));
        SetSampler(names[(current + 1) % names.Count]);
    }

    /// <summary>Raises (+1) or lowers (-1) the temperature by one step, within the keys' 0.1 to 5.</summary>
    public void StepTemperature(int direction)
    {
        var next = Math.Clamp(Math.Round(Settings.Temperature + direction * TemperatureStep, 2), MinKeyTemperature, MaxKeyTemperature);
        TryChange(s => s with { Temperature = next }, string.Create(CultureInfo.InvariantCulture, $"temperature: {next}"));
    }

    public void ShowHelp()
    {
        transcript.AddNotice(string.Create(CultureInfo.InvariantCulture,
            $"Type a phrase and press Enter to continue it; Up/Down recall earlier ones; {PrimeEscapes.Help}. A trailing ? marks a word with a token " +
            $"the model gave under {GeneratedToken.UnlikelyBelow:P0} (⸮ where the text has question marks of its own)."));
        foreach (var command in Commands)
        {
            transcript.AddNotice(ConsoleCommands.HelpLine(command));
        }
    }

    /// <summary>Applies <paramref name="change"/> and shows <paramref name="notice"/>, unless it breaks a limit of <see cref="SamplingSettings"/>.</summary>
    public bool TryChange(Func<SamplingSettings, SamplingSettings> change, string notice)
    {
        lock (_gate)
        {
            var changed = change(_settings);
            if (changed.Invalid().Count > 0)
            {
                return false;
            }

            _settings = changed;
        }

        transcript.AddNotice(notice);
        return true;
    }

    public void ClearTranscript() => transcript.Clear();

    /// <summary>/game's argument: a seed, nothing or "stop"; false for another argument.</summary>
    public bool PlayGame(string? argument)
    {
        if (Game is null)
        {
            transcript.AddError("There is no validation text here to play on; /game works in the terminal UI's session.");
            return true;
        }

        return Game.Command(argument);
    }

    /// <summary>/undo, /save and /save!: the manuscript's, when there is one.</summary>
    public void WithManuscript(Action<ManuscriptConsole> action)
    {
        if (Manuscript is null)
        {
            transcript.AddError("There is no manuscript here; it is kept beside the checkpoint in the terminal UI.");
            return;
        }

        action(Manuscript);
    }

    /// <summary>Turns the prediction strip on or off; always valid.</summary>
    public bool SetSuggestions(bool on)
    {
        Suggestions.Enabled = on;
        transcript.AddNotice(on ? "predictions: on (Tab takes the first, Alt+1…Alt+5 the one with that number)" : "predictions: off (/suggest on shows them again)");
        return true;
    }

    /// <summary>Every loaded sampler and beam search on one prime, with the figures that show why greedy loops.</summary>
    public Task StartDuel(string prime, CancellationToken cancellationToken) =>
        StartCompletion(prime, cancellation => Duel(PrimeEscapes.Read(prime), Settings, cancellation), cancellationToken);

    private Task RunCommand(string text, CancellationToken cancellationToken)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var command = Commands.FirstOrDefault(c => string.Equals(c.Name, parts[0], StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            transcript.AddError($"Unknown command {parts[0]}; /help lists the commands.");
            return Task.CompletedTask;
        }

        var started = command.Run(parts.Length > 1 ? parts[1] : null, cancellationToken);
        if (started is null)
        {
            transcript.AddError(ConsoleCommands.Hint(command));
        }

        return started ?? Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="work"/> off the UI thread unless a completion is still streaming.</summary>
    private Task StartCompletion(string prime, Action<CancellationToken> work, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_completion.IsCompleted)
            {
                transcript.AddError("Still completing the previous phrase; try again in a moment.");
                return Task.CompletedTask;
            }

            transcript.AddPrime(prime);
            _completion = Task.Run(() => work(cancellationToken), CancellationToken.None);
            return _completion;
        }
    }

    private void Complete(string prime, SamplingSettings settings, bool keep, CancellationToken cancellationToken) =>
        WithModel(prime, cancellationToken, completion =>
        {
            var run = completion.Start(WithContext(prime), settings, catalog);
            NoteUnknownWords(run.Prime);
            var line = transcript.StartContinuation();
            var marked = UnlikelyMarks.For(run.Vocabulary);
            foreach (var reported in run.Stream(cancellationToken))
            {
                switch (reported)
                {
                    case TokenGenerated { Token: var token }:
                        marked.Append(token.Piece, token.IsUnlikely);
                        transcript.ShowContinuation(line, marked.Text);
                        break;
                    case SamplerSwitched { Switch: var change }:
                        SwitchSampler(change);
                        break;
                }
            }

            if (keep)
            {
                Manuscript?.Keep(prime + run.Continuation);
            }
        });

    /// <summary>The fallback becomes the console's sampler, so the next completion does not meet the broken plugin again.</summary>
    private void SwitchSampler(SamplerSwitch change)
    {
        lock (_gate)
        {
            if (string.Equals(_settings.Sampler, change.Failed, StringComparison.OrdinalIgnoreCase))
            {
                _settings = _settings with { Sampler = change.Replacement };
            }
        }

        transcript.AddError(change.Message);
    }

    private void Duel(string prime, SamplingSettings settings, CancellationToken cancellationToken) =>
        WithModel(prime, cancellationToken, completion =>
        {
            var report = completion.Duel(prime, settings, catalog, cancellationToken);
            NoteUnknownWords(report.Prime);
            foreach (var entry in report.Results)
            {
                transcript.AddNotice(entry.Error is not null
                    ? $"{entry.Sampler}: failed: {entry.Error}"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{entry.Sampler}: avg log-p {entry.AverageLogProbability:F3}, repeated bigrams {entry.RepeatedBigrams}: {entry.Text}"));
            }
        });

    private void NoteUnknownWords(PrimeEncoding prime)
    {
        if (prime.UnknownWords.Count > 0)
        {
            transcript.AddNotice(CompletionText.UnknownWords(prime));
        }
    }

    private void WithModel(string prime, CancellationToken cancellationToken, Action<Completion> body)
    {
        try
        {
            var generator = models.TryCreateGenerator();
            if (generator is null)
            {
                transcript.AddError("There is no model yet: the corpus is still loading. Try again in a moment.");
                return;
            }

            body(new Completion(generator));
        }
        catch (Exception e) when (e is PrimeException or SamplerException or PluginNotFoundException or ModelScoresException)
        {
            transcript.AddError(CompletionText.Explain(e));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is closing; nobody reads the rest of this completion.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Completion of {Prime} failed", prime);
            transcript.AddError($"The completion failed: {e.Message}{LogPointer.Details(logger)}");
        }
    }
}
