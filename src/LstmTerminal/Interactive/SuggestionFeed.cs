using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Text;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Interactive;

/// <summary>
/// Predicts the next tokens of the text being typed, off the UI thread: one worker at a time, and only for the latest
/// text (keystrokes that arrive meanwhile are coalesced), so typing never waits and a slow model never piles up work.
/// The generator is kept and renewed in the background at most every <see cref="GeneratorRefresh"/>, as the published
/// weights are: asking for one per keystroke would copy the weights out of the model each time it is paused.
/// </summary>
public sealed class SuggestionFeed(IGeneratorSource models, ILogger logger, TimeProvider clock)
{
    public const int Count = 5;

    public static readonly TimeSpan GeneratorRefresh = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private string? _pending;
    private bool _working;
    private Suggestions _latest = Suggestions.None;
    private Generator? _generator;
    private long _generatorAt;
    private Task<Generator?>? _renewal;

    /// <summary>Raised on the worker's thread after <see cref="Latest"/> changed; a view marshals it to its UI thread.</summary>
    public event Action? Updated;

    public bool Enabled
    {
        get { lock (_gate) { return field; } }
        set
        {
            lock (_gate)
            {
                field = value;
                _latest = Suggestions.None;
            }

            Updated?.Invoke();
        }
    } = true;

    public Suggestions Latest
    {
        get { lock (_gate) { return _latest; } }
    }

    /// <summary>Asks for the next words after <paramref name="text"/>; returns at once, the answer comes with <see cref="Updated"/>.</summary>
    public void Request(string text)
    {
        lock (_gate)
        {
            if (!Enabled)
            {
                return;
            }

            _pending = text;
            if (_working)
            {
                return;
            }

            _working = true;
        }

        _ = Task.Run(Work);
    }

    private void Work()
    {
        while (true)
        {
            string text;
            lock (_gate)
            {
                if (_pending is null || !Enabled)
                {
                    _working = false;
                    return;
                }

                text = _pending;
                _pending = null;
            }

            var result = Predict(text);
            lock (_gate)
            {
                _latest = Enabled ? result : Suggestions.None;
            }

            Updated?.Invoke();
        }
    }

    private Suggestions Predict(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Suggestions.None with { Text = text };
        }

        try
        {
            if (FreshGenerator(text) is not { } generator)
            {
                return Suggestions.Failed(text, "no model yet: the corpus is still loading");
            }

            var next = new Completion(generator).Predict(text, Count);
            return new Suggestions(text, next.Tokens, next.Prime.UnknownParts, null, next.Prime.IgnoresSpaces);
        }
        catch (PrimeException e)
        {
            return e.Problem == PrimeProblem.NoWords ? Suggestions.None with { Text = text } : Suggestions.Failed(text, CompletionText.Explain(e));
        }
        catch (ModelScoresException e)
        {
            return Suggestions.Failed(text, CompletionText.Explain(e));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Predicting the next words of {Text} failed", text);
            return Suggestions.Failed(text, $"no predictions: {e.Message}");
        }
    }

    /// <summary>
    /// Only the worker calls this, so the generator is never used by two threads. A stale generator is renewed on the
    /// side and still answers meanwhile: copying a large model's weights out of a training run takes longer than a frame.
    /// </summary>
    /// <param name="text">What is being typed: the renewed generator reads it before it answers (<see cref="Warmed"/>).</param>
    private Generator? FreshGenerator(string text)
    {
        if (_renewal is { IsCompleted: true } done)
        {
            _renewal = null;
            if (done.IsCompletedSuccessfully && done.Result is { } renewed)
            {
                _generator = renewed;
            }
            else if (done.Exception is { } failure)
            {
                logger.LogWarning(failure, "Renewing the suggestions' model failed; the previous one goes on answering");
            }
        }

        if (_generator is null)
        {
            _generator = models.TryCreateGenerator();
            _generatorAt = clock.GetTimestamp();
        }
        else if (_renewal is null && clock.GetElapsedTime(_generatorAt) >= GeneratorRefresh)
        {
            _generatorAt = clock.GetTimestamp();
            _renewal = Task.Run(() => Warmed(models.TryCreateGenerator(), text));
        }

        return _generator;
    }

    /// <summary>
    /// The renewed generator after it predicted once for <paramref name="text"/>, still on the renewal's side: it keeps
    /// that text's states (<see cref="Generator.Predict"/>), so its first keystroke reads on from them instead of reading
    /// the whole context (the manuscript's last words and the line typed) in the keystroke's time.
    /// </summary>
    private static Generator? Warmed(Generator? renewed, string text)
    {
        try
        {
            renewed?.Predict(renewed.Encode(text), 1);
        }
        catch (Exception e) when (e is PrimeException or ModelScoresException or TokenizerException)
        {
            // The keystroke that reads this text with the renewed generator gets the same failure, and words it.
        }

        return renewed;
    }
}
