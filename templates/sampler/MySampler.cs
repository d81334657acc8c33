using System.Globalization;
using LstmTerminal.Abstractions;

namespace MySampler;

/// <summary>
/// Takes the most likely allowed word, and now and then the runner-up: a starting point for your own sampler.
/// The app creates one instance, passing the context to this constructor, and calls <see cref="Next"/> once a word.
/// </summary>
public sealed class MySampler : ISampler
{
    private const string PluginName = "my-sampler";

    private readonly double _runnerUpChance;

    public MySampler(PluginContext context)
    {
        // Plugins:my-sampler:RunnerUpChance in appsettings.json, or --Plugins:my-sampler:RunnerUpChance=0.3 on the command line.
        var setting = context.GetSetting(PluginName, "RunnerUpChance");
        _runnerUpChance = setting is null ? 0.2 : double.Parse(setting, CultureInfo.InvariantCulture);
        if (_runnerUpChance is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(context), $"Plugins:{PluginName}:RunnerUpChance must be between 0 and 1, not {setting}.");
        }
    }

    public string Name => PluginName;

    public string Description => "The most likely word, or now and then the runner-up (Plugins:my-sampler:RunnerUpChance).";

    public int Next(ReadOnlySpan<float> logits, SamplingContext context)
    {
        // Never return a forbidden id: 0 (the unknown word) is always among them, and so are the words a
        // no-repeat n-gram rule bans at this step.
        int best = -1, runnerUp = -1;
        for (var id = 0; id < logits.Length; id++)
        {
            if (context.ForbiddenTokens.Contains(id))
            {
                continue;
            }

            if (best < 0 || logits[id] > logits[best])
            {
                (best, runnerUp) = (id, best);
            }
            else if (runnerUp < 0 || logits[id] > logits[runnerUp])
            {
                runnerUp = id;
            }
        }

        if (best < 0)
        {
            throw new InvalidOperationException("Every word is forbidden.");
        }

        // Draw only from context.Random: a seed then reproduces the text.
        return runnerUp >= 0 && context.Random.NextDouble() < _runnerUpChance ? runnerUp : best;
    }
}
