using System.Diagnostics;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Tests.Support;

namespace LstmTerminal.Core.Tests.Plugins;

public sealed class GuardedSamplerTests
{
    private static readonly float[] Logits = [0.1f, 2f, 0.5f];

    private static SamplingContext Context => new(new Random(1), new HashSet<int> { 0 });

    private static GuardedSampler Guard(ISampler inner, TimeSpan timeout) => new(inner, inner.Name, inner.Description, timeout);

    [Fact]
    public void Next_PassesTheInnerSamplersAnswerThrough()
    {
        var guarded = Guard(new ArgMaxSampler(), TimeSpan.FromSeconds(5));

        Assert.Equal(1, guarded.Next(Logits, Context));
        Assert.Equal("test-argmax", guarded.Name);
    }

    [Fact]
    public void Next_DisablesASamplerThatHangs_AndFailsFastAfterwards()
    {
        // Given a sampler that never answers
        using var release = new ManualResetEventSlim();
        // A deadline long enough that a pause on a busy machine cannot be mistaken for waiting on it a second time.
        var deadline = TimeSpan.FromSeconds(2);
        var guarded = Guard(new HangingSampler(release), deadline);
        try
        {
            // When it is asked for a word
            var clock = Stopwatch.StartNew();
            var error = Assert.Throws<SamplerException>(() => guarded.Next(Logits, Context));

            // Then the caller gets an answer after the deadline, and the sampler stays disabled
            Assert.InRange(clock.Elapsed, deadline * 0.9, deadline * 5);
            Assert.Contains("did not answer", error.Message);
            Assert.Contains("was disabled", error.Message);
            clock.Restart();
            Assert.Throws<SamplerException>(() => guarded.Next(Logits, Context));
            Assert.True(clock.Elapsed < deadline / 2, "a disabled sampler must fail without waiting for the deadline again");
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void Next_RethrowsWhatTheSamplerThrew()
    {
        var guarded = Guard(new ThrowingSampler(), TimeSpan.FromSeconds(5));

        var error = Assert.Throws<InvalidOperationException>(() => guarded.Next(Logits, Context));
        Assert.Equal("boom", error.Message);
        Assert.Equal(1, Guard(new ArgMaxSampler(), TimeSpan.FromSeconds(5)).Next(Logits, Context));
    }

    [Fact]
    public void Next_AnswersEachCallWithItsOwnResult_WhenThreadsCallAtOnce()
    {
        // Given one guarded sampler shared by two threads, each call carrying its own logits
        var guarded = Guard(new FirstLogitSampler(), TimeSpan.FromSeconds(5));

        // When both call it many times at once (the hand-off spins, so a lost or stale signal would show here)
        var mismatches = 0;
        Parallel.For(0, 2, thread =>
        {
            for (var call = 0; call < 5000; call++)
            {
                var value = thread * 10_000 + call;
                if (guarded.Next([value, 0f], Context) != value)
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        });

        // Then every call got the answer to its own request
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Generator_ReportsAHangingSampler_AsASamplerFailure()
    {
        using var release = new ManualResetEventSlim();
        var trained = new TrainedModel();
        var generator = trained.CreateGenerator();
        var guarded = Guard(new HangingSampler(release), TimeSpan.FromMilliseconds(200));
        try
        {
            var error = Assert.Throws<SamplerException>(() => generator.Continue(generator.Encode("thou art"), guarded, new SamplingSettings { Words = 3, Temperature = 1.0, Seed = 1 }).ToList());
            Assert.Contains("hanging", error.Message);
        }
        finally
        {
            release.Set();
        }
    }

    private sealed class HangingSampler(ManualResetEventSlim release) : ISampler
    {
        public string Name => "hanging";

        public string Description => "never answers";

        public int Next(ReadOnlySpan<float> logits, SamplingContext context)
        {
            release.Wait();
            return 1;
        }
    }

    /// <summary>Answers with its first logit, so each answer can be matched to its request.</summary>
    private sealed class FirstLogitSampler : ISampler
    {
        public string Name => "first-logit";

        public string Description => "returns logits[0]";

        public int Next(ReadOnlySpan<float> logits, SamplingContext context) => (int)logits[0];
    }

    private sealed class ThrowingSampler : ISampler
    {
        public string Name => "throwing";

        public string Description => "always throws";

        public int Next(ReadOnlySpan<float> logits, SamplingContext context) => throw new InvalidOperationException("boom");
    }
}
