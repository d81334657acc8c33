using System.Globalization;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Plugins;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Session;

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

        if (text.StartsWith('/'))
        {
            RunCommand(text);
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (!_completion.IsCompleted)
            {
                transcript.AddError("Still completing the previous phrase; try again in a moment.");
                return Task.CompletedTask;
            }

            transcript.AddPrime(text);
            var settings = _settings;
            _completion = Task.Run(() => Complete(text, settings, cancellationToken), CancellationToken.None);
            return _completion;
        }
    }

    public void SetSampler(string name)
    {
        try
        {
            var sampler = catalog.GetSampler(name);
            Change(s => s with { Sampler = sampler.Name }, $"sampler: {sampler.Name} ({sampler.Plugin.Description})");
        }
        catch (PluginNotFoundException e)
        {
            transcript.AddError(e.Message);
        }
    }

    public void NextSampler()
    {
        var names = catalog.Samplers.Select(s => s.Name).ToList();
        if (names.Count == 0)
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
        transcript.AddNotice("/clear          clear this transcript;  /help  this text.  The keys are in the bottom line.");
    }

    private void RunCommand(string text)
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
            case "/clear":
                transcript.Clear();
                break;
            case "/help":
                ShowHelp();
                break;
            case "/sampler" or "/temperature" or "/words" or "/seed":
                transcript.AddError($"{parts[0]} needs a valid value, e.g. /sampler greedy, /temperature 0.8, /words 20, /seed 42 or /seed off.");
                break;
            default:
                transcript.AddError($"Unknown command {parts[0]}; /help lists the commands.");
                break;
        }
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

    private void Complete(string prime, ConsoleSettings settings, CancellationToken cancellationToken)
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

            var sampler = catalog.GetSampler(settings.Sampler).Plugin;
            var generation = new GenerationSettings(settings.Words, settings.Temperature, settings.Seed ?? Random.Shared.Next());
            var line = transcript.StartContinuation();
            foreach (var word in generator.Continue(encoding, sampler, generation, cancellationToken))
            {
                transcript.AppendWord(line, word.Probability < LowProbability ? word.Word + "?" : word.Word);
            }
        }
        catch (Exception e) when (e is PrimeException or SamplerException or PluginNotFoundException)
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
            transcript.AddError($"The completion failed: {e.Message} Details are in the log file.");
        }
    }
}
