using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Model;
using LstmTerminal.Core.Text;
using LstmTerminal.Interactive;
using LstmTerminal.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LstmTerminal.Tests.Interactive;

public sealed class SuggestionFeedTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Request_IsAnsweredByTheModelItHas_WhileAStaleOneIsRenewedSlowly()
    {
        // Given a feed whose first model puts "thou" first, and whose renewal (a model that puts "art" first) is slow
        var source = new SlowRenewal();
        var clock = new FakeTimeProvider();
        var feed = new SuggestionFeed(source, NullLogger.Instance, clock);
        await Answer(feed, "thou");

        // When a keystroke comes after the model went stale, while the renewal is still under way
        clock.Advance(SuggestionFeed.GeneratorRefresh * 2);
        var whileRenewing = await Answer(feed, "thou art");

        // Then the old model answers at once; once the renewal is done, the next keystroke gets the new model
        Assert.Equal("thou", whileRenewing.Tokens[0].Label);
        source.Release();
        await source.Renewed.Task.WaitAsync(Deadline);
        Assert.True(await AnswersWith(feed, "art"), "the renewed model never answered");
    }

    [Fact]
    public async Task Request_AfterARenewal_IsAnsweredFromTheRenewedModelsOwnStates_NeverFromTheOldOnes()
    {
        // Given a feed that answered with one model, then found it stale while its states for the text were kept
        var vocabulary = TokenizerPlugins.Words(TinyCorpus.Text(), minWordFrequency: 0);
        var (old, renewed) = (RandomModel.Weights(vocabulary.Count, seed: 1), RandomModel.Weights(vocabulary.Count, seed: 2));
        var clock = new FakeTimeProvider();
        var feed = new SuggestionFeed(new Renewal(vocabulary, old, renewed), NullLogger.Instance, clock);
        await Answer(feed, "thou art more");
        clock.Advance(SuggestionFeed.GeneratorRefresh * 2);

        // When the person types on, edits included, while the renewed model takes over
        string[] edits = ["thou art more l", "thou art more lo", "thou art mor", "thou art more lovely", "thou art"];
        var answeredByRenewed = false;
        for (var i = 0; i < 100 && !answeredByRenewed; i++)
        {
            var text = edits[i % edits.Length];
            var answer = (await Answer(feed, text)).Tokens;

            // Then every answer is exactly one model's own reading of the text: the old model's until the renewed one answers
            answeredByRenewed = IsOwnReading(answer, renewed, vocabulary, text);
            Assert.True(answeredByRenewed || IsOwnReading(answer, old, vocabulary, text), $"the answer for '{text}' is neither model's own");
            await Task.Delay(20);
        }

        Assert.True(answeredByRenewed, "the renewed model never answered");
    }

    /// <summary>
    /// Whether each of the five tokens has exactly the probability that the model on <paramref name="weights"/> gives it
    /// reading <paramref name="text"/> from its start (<see cref="Generator.ProbabilityOf"/>, which keeps no states).
    /// </summary>
    private static bool IsOwnReading(IReadOnlyList<GeneratedToken> answer, ModelWeights weights, GuardedVocabulary vocabulary, string text)
    {
        var generator = new Generator(weights, vocabulary);
        var ids = generator.Encode(text).Ids;
        return answer.Count == SuggestionFeed.Count && answer.All(token => generator.ProbabilityOf(ids, [token.Id]) == token.Probability);
    }

    /// <summary>Types on until the first suggestion is <paramref name="word"/>: the renewal's task ends just after its model is made.</summary>
    private static async Task<bool> AnswersWith(SuggestionFeed feed, string word)
    {
        var text = "thou art";
        for (var i = 0; i < 100; i++)
        {
            text += " more";
            if ((await Answer(feed, text)).Tokens[0].Label == word)
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    /// <summary>Asks for <paramref name="text"/> and waits for its answer.</summary>
    private static async Task<Suggestions> Answer(SuggestionFeed feed, string text)
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnUpdated()
        {
            if (feed.Latest.Text == text)
            {
                answered.TrySetResult();
            }
        }

        feed.Updated += OnUpdated;
        try
        {
            feed.Request(text);
            await answered.Task.WaitAsync(Deadline);
            return feed.Latest;
        }
        finally
        {
            feed.Updated -= OnUpdated;
        }
    }

    /// <summary>The old weights first, the renewed ones at every renewal.</summary>
    private sealed class Renewal(GuardedVocabulary vocabulary, ModelWeights old, ModelWeights renewed) : IGeneratorSource
    {
        private int _calls;

        public Generator? TryCreateGenerator() => new(Interlocked.Increment(ref _calls) == 1 ? old : renewed, vocabulary);
    }

    private sealed class SlowRenewal : IGeneratorSource
    {
        private readonly ManualResetEventSlim _released = new();
        private int _calls;

        public TaskCompletionSource Renewed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.Set();

        public Generator? TryCreateGenerator()
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                return BiasOnlyModel.Create();
            }

            _released.Wait(Deadline);
            var renewed = BiasOnlyModel.Create(BiasOnlyModel.Vocabulary, new Dictionary<int, double> { [BiasOnlyModel.IdOf("art")] = 0.9, [BiasOnlyModel.IdOf("thou")] = 0.1 });
            Renewed.TrySetResult();
            return renewed;
        }
    }
}
