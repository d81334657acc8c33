using System.Diagnostics;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Workflow;

namespace LstmTerminal.Core.Tests.Workflow;

public sealed class CorpusLoaderTests
{
    private static readonly TimeSpan HangDeadline = TimeSpan.FromMilliseconds(300);

    // Tests that expect an answer get a deadline no busy test run can reach: a thread pool starved by parallel tests
    // once held a 300 ms deadline's load back long enough to fail it.
    private static readonly TimeSpan AnswerDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Load_GivesUpOnAPluginThatHangs_AsATimedOutFault()
    {
        using var release = new ManualResetEventSlim();
        try
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<CorpusPluginFaultException>(() =>
                CorpusLoader.LoadAsync(new FakeProvider(_ => { release.Wait(); return "never"; }), "stuck", new CorpusRequest(), null, HangDeadline, CancellationToken.None));

            // What to do (raise Corpus:LoadTimeout, use --corpus-path) is the app's to say: CorpusWordingTests.
            Assert.Contains("did not finish", error.Message);
            Assert.Equal((CorpusFault.TimedOut, "stuck"), (error.Fault, error.Provider));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task Load_ReportsAPluginThatThrows_NamingIt()
    {
        var error = await Assert.ThrowsAsync<CorpusPluginFaultException>(() =>
            CorpusLoader.LoadAsync(new FakeProvider(_ => throw new InvalidDataException("bad bytes")), "broken", new CorpusRequest(), null, AnswerDeadline, CancellationToken.None));

        Assert.Contains("'broken' failed: bad bytes", error.Message);
    }

    [Fact]
    public async Task Load_PassesAPluginsOwnUnavailableMessageOn_AsTheUsersToFix()
    {
        // A missing file is the user's input, not a plugin fault: it must not look like one (which would trigger the fallback).
        var error = await Assert.ThrowsAsync<CorpusUnavailableException>(() =>
            CorpusLoader.LoadAsync(new FakeProvider(_ => throw new CorpusUnavailableException("no such file")), "text", new CorpusRequest(), null, AnswerDeadline, CancellationToken.None));

        Assert.Equal("no such file", error.Message);
    }

    [Fact]
    public async Task Load_PassesTheCallersCancellationThrough()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            CorpusLoader.LoadAsync(new FakeProvider(token => { token.ThrowIfCancellationRequested(); return "x"; }), "any", new CorpusRequest(), null, AnswerDeadline, cancel.Token));
    }

    [Fact]
    public async Task Load_ResolvesARelativePathAgainstTheWorkingDirectory()
    {
        string? seen = null;
        await CorpusLoader.LoadAsync(new FakeProvider(_ => "text", request => seen = request.Path), "any", new CorpusRequest("some/file.txt"), null, AnswerDeadline, CancellationToken.None);

        Assert.Equal(Path.GetFullPath("some/file.txt"), seen);
    }

    [Fact]
    public async Task Load_ReportsAPluginThatReturnsNull_AsAFault_SoTheFallbackTakesOver()
    {
        var error = await Assert.ThrowsAsync<CorpusPluginFaultException>(() =>
            CorpusLoader.LoadAsync(new NullProvider(), "nothing", new CorpusRequest(), null, AnswerDeadline, CancellationToken.None));

        Assert.Contains("'nothing' returned no corpus", error.Message);
    }

    [Fact]
    public async Task Load_ReportsAPluginThatReturnsACorpusWithoutText_AsAFault()
    {
        var error = await Assert.ThrowsAsync<CorpusPluginFaultException>(() =>
            CorpusLoader.LoadAsync(new FakeProvider(_ => null!), "hollow", new CorpusRequest(), null, AnswerDeadline, CancellationToken.None));

        Assert.Contains("'hollow' returned a corpus without", error.Message);
    }

    private sealed class NullProvider : ICorpusProvider
    {
        public string Name => "null";

        public string Description => "returns null, as the contract forbids";

        public Task<Corpus> LoadAsync(CorpusRequest request, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken) =>
            Task.FromResult<Corpus>(null!);
    }

    private sealed class FakeProvider(Func<CancellationToken, string> text, Action<CorpusRequest>? observe = null) : ICorpusProvider
    {
        public string Name => "fake";

        public string Description => "test double";

        public Task<Corpus> LoadAsync(CorpusRequest request, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
        {
            observe?.Invoke(request);
            return Task.FromResult(new Corpus("fake", text(cancellationToken), "memory"));
        }
    }
}
