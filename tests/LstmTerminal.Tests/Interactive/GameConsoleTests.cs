using LstmTerminal.Abstractions;
using LstmTerminal.Core.Game;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Text;
using LstmTerminal.Interactive;
using LstmTerminal.Testing;
using LstmTerminal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LstmTerminal.Tests.Interactive;

public sealed class GameConsoleTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ConsoleTranscript _transcript = new();

    [Fact]
    public async Task Game_PlaysTenRounds_ScoresPlayerAgainstModel_AndKeepsTheBest()
    {
        // Given the console over a model whose answers are known ("thou" first, "art" 0.3) and its validation text
        var console = Console();
        var rounds = GameDeck.Deal(BiasOnlyModel.Validation, BiasOnlyModel.Vocabulary, 42);

        // When /game 42 is played by guessing "art" ten times
        await console.Submit("/game 42", CancellationToken.None);
        for (var i = 0; i < GameDeck.Rounds; i++)
        {
            await console.Submit("art", CancellationToken.None);
        }

        // Then each round was shown and judged, the score is the known one, and it is kept beside the checkpoint
        var lines = _transcript.Snapshot();
        Assert.Equal(rounds.Select((r, i) => $"· round {i + 1}/10: {r.Before} / {r.Start}___"), lines.Where(l => l.StartsWith("· round ", StringComparison.Ordinal)));
        var firstVerdict = lines.First(l => l.StartsWith("· the word was", StringComparison.Ordinal));
        Assert.StartsWith($"· the word was '{rounds[0].Truth}': you {(Is(rounds[0], "art") ? "hit" : "missed ('art')")}; the model said 'thou' ({(Is(rounds[0], "thou") ? "hit" : "missed")})", firstVerdict);
        var playerHits = rounds.Count(r => Is(r, "art"));
        var modelHits = rounds.Count(r => Is(r, "thou"));
        Assert.Contains(lines, l => l.StartsWith($"· game over (seed 42): you {playerHits} of 10, the model {modelHits} of 10", StringComparison.Ordinal));
        var best = new BestScoreFile(_folder.Path).Read();
        Assert.Equal((playerHits, modelHits, 10, 42), (best!.PlayerHits, best.ModelHits, best.Rounds, best.Seed));
        Assert.Equal(rounds.Average(r => BiasOnlyModel.Probabilities[r.Truth.ToLowerInvariant()]), best.AverageTruthProbability, 1e-6);
        Assert.False(console.Game!.IsPlaying);
    }

    [Fact]
    public async Task Game_KeepsTheBetterBest_WhenAWorseGameFollows()
    {
        // Given a game on seed 42 won by guessing every truth
        var console = Console();
        var rounds = GameDeck.Deal(BiasOnlyModel.Validation, BiasOnlyModel.Vocabulary, 42);
        await console.Submit("/game 42", CancellationToken.None);
        foreach (var round in rounds)
        {
            await console.Submit(round.Truth, CancellationToken.None);
        }

        // When the same game is replayed with wrong guesses
        await console.Submit("/game 42", CancellationToken.None);
        for (var i = 0; i < rounds.Count; i++)
        {
            await console.Submit("zyzzyva", CancellationToken.None);
        }

        // Then the best stays ten of ten, and the console says so
        Assert.Equal(10, new BestScoreFile(_folder.Path).Read()!.PlayerHits);
        Assert.Contains("· the best on this checkpoint stays 10 of 10 (seed 42)", _transcript.Snapshot());
    }

    [Fact]
    public async Task Game_SaysInOneLine_WhenTheBestCannotBeKept()
    {
        // Given a checkpoint folder that is a file, so nothing can be written in it
        var blocked = Path.Combine(_folder.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "mine");
        var console = Console(blocked);

        // When a game is finished
        await console.Submit("/game 1", CancellationToken.None);
        for (var i = 0; i < GameDeck.Rounds; i++)
        {
            await console.Submit("art", CancellationToken.None);
        }

        // Then one error line names the file, and the user's file is untouched
        Assert.Single(_transcript.Snapshot(), l => l.StartsWith($"! The best score could not be kept in {Path.Combine(blocked, BestScoreFile.FileName)}", StringComparison.Ordinal));
        Assert.Equal("mine", await File.ReadAllTextAsync(blocked));
    }

    [Fact]
    public async Task Game_RefusesASeedThatIsNotANumber_WithTheHint()
    {
        var console = Console();

        await console.Submit("/game soon", CancellationToken.None);

        Assert.StartsWith("! /game needs a valid value: /game [SEED | stop]", _transcript.Snapshot()[^1]);
        Assert.False(console.Game!.IsPlaying);
    }

    [Fact]
    public async Task Game_SaysInOneLine_WhenTheTokenizerFailsWhileAGuessIsJudged()
    {
        // Given a game whose model reads through a tokenizer plugin that throws on every text it encodes
        var lying = new GuardedVocabulary("lying", new ThrowingEncoder(BiasOnlyModel.Vocabulary));
        var console = Console(models: new FixedModel(BiasOnlyModel.Create(lying, new Dictionary<int, double> { [BiasOnlyModel.IdOf("thou")] = 1 })));
        await console.Submit("/game 1", CancellationToken.None);

        // When a guess is judged
        await console.Submit("art", CancellationToken.None);

        // Then one line says the guess could not be judged and names the tokenizer; the round waits for another guess
        Assert.StartsWith("! The guess could not be judged: The tokenizer 'lying' failed to encode text", _transcript.Snapshot()[^1], StringComparison.Ordinal);
        Assert.True(console.Game!.IsPlaying);
    }

    [Fact]
    public async Task Game_SaysInOneLine_WhenTheTokenizerFailsWhileTheGameIsDealt()
    {
        // Given a validation text read through a tokenizer plugin that throws on every text it encodes
        var lying = new GuardedVocabulary("lying", new ThrowingEncoder(BiasOnlyModel.Vocabulary));
        var console = Console(models: new FixedModel(BiasOnlyModel.Create(), lying));

        // When a game is started
        await console.Submit("/game 1", CancellationToken.None);

        // Then one line says no game could be dealt and names the tokenizer
        Assert.StartsWith("! No game could be dealt: The tokenizer 'lying' failed to encode text", _transcript.Snapshot()[^1], StringComparison.Ordinal);
        Assert.False(console.Game!.IsPlaying);
    }

    public void Dispose() => _folder.Dispose();

    private static bool Is(GameRound round, string word) => round.Truth.Equals(word, StringComparison.OrdinalIgnoreCase);

    private CompletionConsole Console(string? checkpointDirectory = null, FixedModel? models = null)
    {
        models ??= new FixedModel(BiasOnlyModel.Create());
        return new CompletionConsole(models, ShippedPlugins.Catalog, _transcript, new SamplingSettings(), NullLogger.Instance)
        {
            Game = new GameConsole(models, models, new BestScoreFile(checkpointDirectory ?? _folder.Path), _transcript, NullLogger.Instance),
        };
    }

    private sealed class FixedModel(Generator generator, GuardedVocabulary? gameVocabulary = null) : IGeneratorSource, IGameTextSource
    {
        public Generator? TryCreateGenerator() => generator;

        public GameText? TryGetGameText() => new(BiasOnlyModel.Validation, gameVocabulary ?? BiasOnlyModel.Vocabulary);
    }

    /// <summary>A tokenizer plugin's vocabulary that knows its ids but throws whenever it is asked to encode.</summary>
    private sealed class ThrowingEncoder(ITokenVocabulary known) : ITokenVocabulary
    {
        public int Count => known.Count;

        public int? UnknownId => known.UnknownId;

        public IReadOnlySet<int> ForbiddenIds => known.ForbiddenIds;

        public EncodedText Encode(ReadOnlySpan<char> text) => throw new InvalidOperationException("cannot read today");

        public string Decode(ReadOnlySpan<int> ids) => known.Decode(ids);

        public string DecodePiece(ReadOnlySpan<int> previous, int id) => known.DecodePiece(previous, id);

        public string DisplayText(int id) => known.DisplayText(id);

        public string Save() => known.Save();
    }
}
