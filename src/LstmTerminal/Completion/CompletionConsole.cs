using System.Globalization;
using LstmTerminal.Core;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Plugins;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Completion;

/// <summary>
/// The console's behaviour without a screen: runs /commands, and completes primes on a background task that
/// streams each word into the transcript. Words the model gave under <see cref="LowProbability"/> get a trailing "?".
/// </summary>
public sealed class CompletionConsole(IGeneratorSource models, PluginCatalog catalog, ConsoleTranscript transcript, ConsoleSettings initial, ILogger logger)
{
    public const double LowProbability = 0.02;
    public const int MaxWords = 1000;
    private const double MinTemperature = 0.1;
    private const double MaxTemperature = 5.0;
    private const double TemperatureStep = 0.1;

    private readonly Lock _gate = new();
    private ConsoleSettings _settings = initial;
    private Task _completion = Task.CompletedTask;

    public ConsoleSettings Settings
    {
        get { lock (_gate) { return _settings; } }
    }

    /// <summary>Handles one input line; returns the completion it started (already complete for a command).</summary>
    public Task Submit(string line, CancellationToken cancellationToken)
    {
        var text = line.Trim();
        if (text.Length == 0)
        {
            return Task.CompletedTask;
        }

        return text.StartsWith('/')
            ? RunCommand(text, cancellationToken)
            : StartCompletion(text, cancellation => Complete(text, Settings, cancellation), cancellationToken);
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

    public void SetSampler(string name)
    {
        if (BeamSearch.IsNamed(name))
        {
            Change(s => s with { Sampler = BeamSearch.SamplerName }, $"sampler: beam search, width {Settings.BeamWidth} (the most likely continuation; temperature and seed do not apply)");
            return;
        }

        try
        {
            var sampler = catalog.GetSampler(name);
            Change(s => s with { Sampler = sampler.Name }, $"sampler: {sampler.Name} ({sampler.Description})");
        }
        catch (PluginNotFoundException e)
        {
            transcript.AddError(e.Message);
        }
    }

    public void NextSampler()
    {
        var names = catalog.Samplers.Select(s => s.Name).Append(BeamSearch.SamplerName).ToList();
        if (names.Count == 1)
        {
            transcript.AddError("No samplers are loaded; press F9 to see the plugin errors.");
            return;
        }

        var current = names.FindIndex(n => string.Equals(n, Settings.Sampler, StringComparison.OrdinalIgnoreCase));
        SetSampler(names[(current + 1) % names.Count]);
    }

    /// <summary>Raises (+1) or lowers (-1) the temperature by one step, within 0.1 to 5.</summary>
    public void StepTemperature(int direction)
    {
        var next = Math.Clamp(Math.Round(Settings.Temperature + direction * TemperatureStep, 2), MinTemperature, MaxTemperature);
        SetTemperature(next);
    }

    public void ShowHelp()
    {
        var s = Settings;
        var samplers = string.Join(", ", catalog.Samplers.Select(p => p.Name));
        transcript.AddNotice(string.Create(CultureInfo.InvariantCulture,
            $"Type a phrase and press Enter to continue it; Up/Down recall earlier ones. A trailing ? marks a word the model gave under {LowProbability:P0}."));
        transcript.AddNotice($"/sampler NAME   choose the sampler (now {s.Sampler}; loaded: {samplers})");
        transcript.AddNotice(string.Create(CultureInfo.InvariantCulture, $"/temperature T  sampling temperature above 0 (now {s.Temperature})"));
        transcript.AddNotice($"/words N        words per completion, 1 to {MaxWords} (now {s.Words})");
        transcript.AddNotice($"/seed N | off   a fixed seed repeats completions (now {(s.Seed is { } seed ? seed : "off")})");
        transcript.AddNotice(string.Create(CultureInfo.InvariantCulture, $"/k N  /p P     top-k's k (0 = its own) and nucleus' p (1 = its own) (now {s.TopK}, {s.TopP})"));
        transcript.AddNotice(string.Create(CultureInfo.InvariantCulture, $"/penalty X     repetition penalty 1 to 10, 1 = off (now {s.RepetitionPenalty}); /norepeat N  ban repeated n-grams, 0 = off (now {s.NoRepeatNgram})"));
        transcript.AddNotice($"/beam N        beam search of width N as the sampler (now {s.BeamWidth}); /duel PRIME  every sampler side by side");
        transcript.AddNotice("/clear          clear this transcript;  /help  this text.  The keys are in the bottom line.");
    }

    private Task RunCommand(string text, CancellationToken cancellationToken)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var argument = parts.Length > 1 ? parts[1] : null;
        switch (parts[0].ToLowerInvariant())
        {
            case "/sampler" when argument is not null:
                SetSampler(argument);
                break;
            case "/temperature" when double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var temperature)
                                     && double.IsFinite(temperature) && temperature > 0 && temperature <= 100:
                SetTemperature(temperature);
                break;
            case "/words" when int.TryParse(argument, NumberStyles.Integer, CultureInfo.InvariantCulture, out var words) && words is >= 1 and <= MaxWords:
                Change(s => s with { Words = words }, $"words per completion: {words}");
                break;
            case "/seed" when string.Equals(argument, "off", StringComparison.OrdinalIgnoreCase):
                Change(s => s with { Seed = null }, "seed: off (a new seed for each completion)");
                break;
            case "/seed" when int.TryParse(argument, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                Change(s => s with { Seed = seed }, $"seed: {seed}");
                break;
            case "/k" when int.TryParse(argument, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) && k is >= 0 and <= 1_000_000:
                Change(s => s with { TopK = k }, k == 0 ? "top-k: the sampler's own k" : $"top-k: k = {k}");
                break;
            case "/p" when double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p > 0 && p <= 1:
                Change(s => s with { TopP = p }, string.Create(CultureInfo.InvariantCulture, $"nucleus: p = {p}"));
                break;
            case "/penalty" when double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var penalty) && penalty is >= 1 and <= 10:
                Change(s => s with { RepetitionPenalty = penalty }, string.Create(CultureInfo.InvariantCulture, $"repetition penalty: {penalty}"));
                break;
            case "/norepeat" when int.TryParse(argument, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && (n == 0 || n is >= 2 and <= 10):
                Change(s => s with { NoRepeatNgram = n }, n == 0 ? "n-gram ban: off" : $"n-gram ban: no {n}-gram twice");
                break;
            case "/beam" when int.TryParse(argument, NumberStyles.Integer, CultureInfo.InvariantCulture, out var width) && width is >= 1 and <= 64:
                Change(s => s with { BeamWidth = width }, $"beam width: {width}");
                SetSampler(BeamSearch.SamplerName);
                break;
            case "/duel" when argument is not null:
                return StartCompletion(argument, cancellation => Duel(argument, Settings, cancellation), cancellationToken);
            case "/clear":
                transcript.Clear();
                break;
            case "/help":
                ShowHelp();
                break;
            case "/sampler" or "/temperature" or "/words" or "/seed" or "/k" or "/p" or "/penalty" or "/norepeat" or "/beam" or "/duel":
                transcript.AddError($"{parts[0]} needs a valid value, e.g. /sampler greedy, /temperature 0.8, /words 20, /seed 42, /k 40, /p 0.9, /penalty 1.3, /norepeat 2, /beam 4, /duel thou art more.");
                break;
            default:
                transcript.AddError($"Unknown command {parts[0]}; /help lists the commands.");
                break;
        }

        return Task.CompletedTask;
    }

    private void SetTemperature(double temperature) =>
        Change(s => s with { Temperature = temperature }, string.Create(CultureInfo.InvariantCulture, $"temperature: {temperature}"));

    private void Change(Func<ConsoleSettings, ConsoleSettings> change, string notice)
    {
        lock (_gate)
        {
            _settings = change(_settings);
        }

        transcript.AddNotice(notice);
    }

    private void Complete(string prime, ConsoleSettings settings, CancellationToken cancellationToken) =>
        WithModel(prime, settings, cancellationToken, (generator, encoding, generation) =>
        {
            var line = transcript.StartContinuation();
            var words = BeamSearch.IsNamed(settings.Sampler)
                ? generator.ContinueWithBeam(encoding, settings.BeamWidth, generation, cancellationToken)
                : generator.Continue(encoding, FallbackSampler.For(catalog, settings.Sampler, SwitchSampler), generation, cancellationToken);
            foreach (var word in words)
            {
                transcript.AppendWord(line, word.Probability < LowProbability ? word.Word + "?" : word.Word);
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

    /// <summary>Every loaded sampler and beam search on one prime, with the figures that show why greedy loops.</summary>
    private void Duel(string prime, ConsoleSettings settings, CancellationToken cancellationToken) =>
        WithModel(prime, settings, cancellationToken, (generator, encoding, generation) =>
        {
            var samplers = catalog.Samplers.Select(s => s.Plugin).ToList();
            var report = new SamplerDuel(generator).Run(encoding, samplers, generation, settings.BeamWidth, cancellationToken);
            foreach (var entry in report.Results)
            {
                transcript.AddNotice(entry.Error is not null
                    ? $"{entry.Sampler}: failed: {entry.Error}"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{entry.Sampler}: avg log-p {entry.AverageLogProbability:F3}, repeated bigrams {entry.RepeatedBigrams}: {entry.Text}"));
            }
        });

    private void WithModel(string prime, ConsoleSettings settings, CancellationToken cancellationToken, Action<Generator, PrimeEncoding, GenerationSettings> body)
    {
        try
        {
            var generator = models.TryCreateGenerator();
            if (generator is null)
            {
                transcript.AddError("There is no model yet: the corpus is still loading. Try again in a moment.");
                return;
            }

            var encoding = generator.Encode(prime);
            if (encoding.UnknownWords.Count > 0)
            {
                transcript.AddNotice($"not in the vocabulary, read as <unk>: {string.Join(", ", encoding.UnknownWords)}");
            }

            var generation = new GenerationSettings(
                settings.Words, settings.Temperature, settings.Seed ?? Random.Shared.Next(),
                settings.TopK, settings.TopP, settings.RepetitionPenalty, settings.NoRepeatNgram);
            body(generator, encoding, generation);
        }
        catch (Exception e) when (e is PrimeException or SamplerException or PluginNotFoundException or ModelScoresException)
        {
            transcript.AddError(e.Message);
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
