using System.Globalization;
using LstmTerminal.Core;
using LstmTerminal.Core.Game;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Text;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Interactive;

/// <summary>
/// "Beat the model" in the console: <c>/game [SEED]</c> deals ten rounds from the validation text; while a game runs,
/// a typed line is a guess, judged off the UI thread against the truth and the model's own answer. The best game per
/// checkpoint is kept beside it.
/// </summary>
public sealed class GameConsole(IGeneratorSource models, IGameTextSource texts, BestScoreFile best, ConsoleTranscript transcript, ILogger logger)
{
    private readonly Lock _gate = new();
    private GuessGame? _game;
    private Task _judging = Task.CompletedTask;

    public bool IsPlaying
    {
        get { lock (_gate) { return _game is { IsOver: false }; } }
    }

    /// <summary>Runs /game's argument: a seed or nothing starts a game, "stop" ends it; false for another argument.</summary>
    public bool Command(string? argument)
    {
        if (string.Equals(argument, "stop", StringComparison.OrdinalIgnoreCase))
        {
            Stop();
            return true;
        }

        int? seed = null;
        if (argument is not null)
        {
            if (!int.TryParse(argument, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                return false;
            }

            seed = parsed;
        }

        Start(seed);
        return true;
    }

    /// <summary>Deals a game from <paramref name="seed"/> (a new seed when null) and shows its first round.</summary>
    public void Start(int? seed)
    {
        if (texts.TryGetGameText() is not { } text)
        {
            transcript.AddError("There is no validation text yet: the corpus is still loading. Try /game again in a moment.");
            return;
        }

        var chosen = seed ?? Random.Shared.Next();
        IReadOnlyList<GameRound> rounds;
        try
        {
            rounds = GameDeck.Deal(text.Validation, text.Vocabulary, chosen);
        }
        catch (TokenizerException e)
        {
            transcript.AddError($"No game could be dealt: {e.Message}");
            return;
        }

        if (rounds.Count == 0)
        {
            transcript.AddError($"The validation text has no line for a game (one of {GameDeck.MinLineWords} words or more and {GameDeck.MaxLineLength} characters at most); train on a longer corpus or raise Training:ValidationFraction.");
            return;
        }

        var game = new GuessGame(chosen, rounds);
        lock (_gate)
        {
            _game = game;
        }

        transcript.AddNotice($"Beat the model (seed {chosen}, /game {chosen} replays it): guess the hidden word of each line, from the validation text the model never trained on; /game stop ends the game.");
        ShowRound(game);
    }

    public void Stop()
    {
        lock (_gate)
        {
            _game = null;
        }

        transcript.AddNotice("game stopped");
    }

    /// <summary>Judges a guess on a worker (the model answers the same round); returns when it is judged.</summary>
    public Task Guess(string guess, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_game is not { IsOver: false } game || !_judging.IsCompleted)
            {
                return Task.CompletedTask;
            }

            transcript.AddPrime(guess);
            _judging = Task.Run(() => Judge(game, guess), cancellationToken);
            return _judging;
        }
    }

    private void Judge(GuessGame game, string guess)
    {
        try
        {
            if (models.TryCreateGenerator() is not { } generator)
            {
                transcript.AddError("There is no model yet: the corpus is still loading. Guess again in a moment.");
                return;
            }

            var result = game.Play(guess, generator);
            transcript.AddNotice(Describe(result));
            if (game.IsOver)
            {
                Finish(game);
            }
            else
            {
                ShowRound(game);
            }
        }
        catch (ModelScoresException e)
        {
            transcript.AddError(CompletionText.Explain(e));
        }
        catch (Exception e)
        {
            // A tokenizer plugin that throws (or any other fault) must not leave the guess unanswered without a word.
            logger.LogError(e, "Judging the guess {Guess} failed", guess);
            transcript.AddError($"The guess could not be judged: {e.Message}{LogPointer.Details(logger)}");
        }
    }

    /// <summary>The line before and the start of the round's line, joined by " / " as verse is quoted on one line.</summary>
    private void ShowRound(GuessGame game) =>
        transcript.AddNotice($"round {game.Score.Rounds + 1}/{game.Rounds.Count}: {Shown(game.Current!)}___");

    public static string Shown(GameRound round) => round.Before is null ? round.Start : $"{round.Before.Trim()} / {round.Start.TrimStart()}";

    private static string Describe(RoundResult r) => string.Create(CultureInfo.InvariantCulture,
        $"the word was '{r.Round.Truth}': you {(r.PlayerHit ? "hit" : $"missed ('{r.Guess}')")}; the model said '{r.ModelGuess}' ({(r.ModelHit ? "hit" : "missed")}) and gave '{r.Round.Truth}' {SuggestionText.Percent(r.TruthProbability)}");

    private void Finish(GuessGame game)
    {
        var s = game.Score;
        transcript.AddNotice(string.Create(CultureInfo.InvariantCulture,
            $"game over (seed {game.Seed}): you {s.PlayerHits} of {s.Rounds}, the model {s.ModelHits} of {s.Rounds}; the model gave the true words {SuggestionText.Percent(s.AverageTruthProbability)} on average"));
        var previous = best.Read();
        try
        {
            var kept = best.Offer(new BestScore(s.PlayerHits, s.ModelHits, s.Rounds, s.AverageTruthProbability, game.Seed));
            transcript.AddNotice(kept
                ? $"a new best for this checkpoint ({best.Path})"
                : $"the best on this checkpoint stays {previous!.PlayerHits} of {previous.Rounds} (seed {previous.Seed})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not keep the best game score in {Path}", best.Path);
            transcript.AddError($"The best score could not be kept in {best.Path}: {e.Message}");
        }
    }
}
