using System.Globalization;
using LstmTerminal.Core.Generation;
using static System.FormattableString;

namespace LstmTerminal.Interactive;

/// <summary>
/// The console's commands, one entry each: <see cref="CompletionConsole"/> runs them, and /help and the hint for a bad
/// argument are written from the same entries, so adding a command is adding an entry. Settings are checked by
/// <see cref="SamplingSettings.Invalid"/>, the same limits as the options and the command line.
/// </summary>
public static class ConsoleCommands
{
    private delegate bool Parser<T>(string? text, out T value);

    public static IReadOnlyList<ConsoleCommand> For(CompletionConsole console) =>
    [
        new()
        {
            Name = "/sampler", Arguments = "NAME", Example = "/sampler greedy",
            Describe = () => $"choose the sampler (now {console.Settings.Sampler}; loaded: {string.Join(", ", console.SamplerNames)})",
            Run = (name, _) =>
            {
                if (name is null)
                {
                    return null;
                }

                // An unknown name is an error of its own, listing the samplers that are loaded.
                console.SetSampler(name);
                return Task.CompletedTask;
            },
        },
        Setting<double>(console, "/temperature", "T", "/temperature 0.8",
            s => Invariant($"sampling temperature above 0, at most {SamplingSettings.MaxTemperature} (now {s.Temperature})"),
            Number, (s, t) => s with { Temperature = t }, t => Invariant($"temperature: {t}")),
        Setting<int>(console, "/words", "N", "/words 20",
            s => $"tokens per completion (words, characters or subwords: the model's level), {SamplingSettings.MinWords} to {SamplingSettings.MaxWords} (now {s.Words})",
            Integer, (s, n) => s with { Words = n }, n => $"tokens per completion: {n}"),
        Setting<int?>(console, "/seed", "N | off", "/seed 42",
            s => $"a fixed seed repeats completions (now {(s.Seed is { } seed ? seed : "off")})",
            SeedOrOff, (s, seed) => s with { Seed = seed }, seed => seed is null ? "seed: off (a new seed for each completion)" : $"seed: {seed}"),
        Setting<int>(console, "/k", "N", "/k 40",
            s => $"top-k's k, 0 = the sampler's own (now {s.TopK})",
            Integer, (s, k) => s with { TopK = k }, k => k == 0 ? "top-k: the sampler's own k" : $"top-k: k = {k}"),
        Setting<double>(console, "/p", "P", "/p 0.9",
            s => Invariant($"nucleus' p, above 0 and at most 1, 1 = the sampler's own (now {s.TopP})"),
            Number, (s, p) => s with { TopP = p }, p => Invariant($"nucleus: p = {p}")),
        Setting<double>(console, "/penalty", "X", "/penalty 1.3",
            s => Invariant($"repetition penalty 1 to {SamplingSettings.MaxRepetitionPenalty}, 1 = off (now {s.RepetitionPenalty})"),
            Number, (s, x) => s with { RepetitionPenalty = x }, x => Invariant($"repetition penalty: {x}")),
        Setting<int>(console, "/norepeat", "N", "/norepeat 2",
            s => $"ban repeated n-grams of N tokens, 0 = off, else {SamplingSettings.MinNoRepeatNgram} to {SamplingSettings.MaxNoRepeatNgram} (now {s.NoRepeatNgram})",
            Integer, (s, n) => s with { NoRepeatNgram = n }, n => n == 0 ? "n-gram ban: off" : $"n-gram ban: no {n}-gram twice"),
        new()
        {
            Name = "/beam", Arguments = "N", Example = "/beam 4",
            Describe = () => $"beam search of width N, 1 to {SamplingSettings.MaxBeamWidth}, as the sampler (now {console.Settings.BeamWidth})",
            Run = (text, _) => Valid(Integer(text, out var width)
                && console.TryChange(s => s with { BeamWidth = width }, $"beam width: {width}")
                && console.SetSampler(BeamSearch.SamplerName)),
        },
        new()
        {
            Name = "/duel", Arguments = "PRIME", Example = "/duel thou art more",
            Describe = () => "every sampler and beam search on PRIME, side by side",
            Run = (prime, cancellationToken) => prime is null ? null : console.StartDuel(prime, cancellationToken),
        },
        new()
        {
            Name = "/suggest", Arguments = "on | off", Example = "/suggest off",
            Describe = () => $"the strip of the five most likely next tokens under the prompt; Tab or Alt+1…Alt+5 takes one (now {(console.Suggestions.Enabled ? "on" : "off")})",
            Run = (text, _) => Valid(OnOrOff(text, out var on) && console.SetSuggestions(on)),
        },
        new()
        {
            Name = "/game", Arguments = "[SEED | stop]", Example = "/game 42",
            Describe = () => "beat the model: guess the hidden next word of ten lines of the validation text; a seed replays the same lines",
            Run = (text, _) => Valid(console.PlayGame(text)),
        },
        WithoutArgument("/undo", "take the last line back out of the manuscript", () => console.WithManuscript(m => m.Undo())),
        Save(console, "/save", "write the manuscript to FILE as plain text (an existing FILE is kept; /save! replaces it)", overwrite: false),
        Save(console, "/save!", "write the manuscript to FILE, replacing it", overwrite: true),
        WithoutArgument("/clear", "clear this transcript", console.ClearTranscript),
        WithoutArgument("/help", "this text; the keys are in the bottom line", console.ShowHelp),
    ];

    /// <summary>One line of /help.</summary>
    public static string HelpLine(ConsoleCommand command) => $"{command.Usage,-16} {command.Describe()}";

    /// <summary>The error for an argument the command cannot take: how it is written, and an example.</summary>
    public static string Hint(ConsoleCommand command) => $"{command.Name} needs a valid value: {command.Usage}, {command.Describe()}; e.g. {command.Example}.";

    /// <summary>A command that sets one setting from its argument, if the argument parses and the new settings are within the limits.</summary>
    private static ConsoleCommand Setting<T>(
        CompletionConsole console, string name, string arguments, string example, Func<SamplingSettings, string> describe,
        Parser<T> parse, Func<SamplingSettings, T, SamplingSettings> apply, Func<T, string> notice) => new()
    {
        Name = name, Arguments = arguments, Example = example,
        Describe = () => describe(console.Settings),
        Run = (text, _) => Valid(parse(text, out var value) && console.TryChange(s => apply(s, value), notice(value))),
    };

    private static ConsoleCommand Save(CompletionConsole console, string name, string description, bool overwrite) => new()
    {
        Name = name, Arguments = "FILE", Example = $"{name} sonnet.txt",
        Describe = () => description,
        Run = (file, _) =>
        {
            if (file is null)
            {
                return null;
            }

            console.WithManuscript(m => m.Save(file, overwrite));
            return Task.CompletedTask;
        },
    };

    /// <summary>A command that takes no argument (and ignores one typed after it).</summary>
    private static ConsoleCommand WithoutArgument(string name, string description, Action action) => new()
    {
        Name = name, Example = name,
        Describe = () => description,
        Run = (_, _) =>
        {
            action();
            return Task.CompletedTask;
        },
    };

    private static Task? Valid(bool valid) => valid ? Task.CompletedTask : null;

    private static bool Integer(string? text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static bool Number(string? text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool OnOrOff(string? text, out bool on)
    {
        on = string.Equals(text, "on", StringComparison.OrdinalIgnoreCase);
        return on || string.Equals(text, "off", StringComparison.OrdinalIgnoreCase);
    }

    private static bool SeedOrOff(string? text, out int? seed)
    {
        seed = null;
        if (string.Equals(text, "off", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parsed = Integer(text, out var value);
        seed = value;
        return parsed;
    }
}
