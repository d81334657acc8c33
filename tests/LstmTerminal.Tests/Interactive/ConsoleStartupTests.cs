using LstmTerminal.Core.Game;
using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Writing;
using LstmTerminal.Interactive;
using LstmTerminal.Testing;
using LstmTerminal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LstmTerminal.Tests.Interactive;

public sealed class ConsoleStartupTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ConsoleTranscript _transcript = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Create_StartsTheStrip_AsConsoleSuggestSays(bool suggest)
    {
        // Given Console:Suggest
        // When the console starts
        var console = Create(new ConsoleOptions { Suggest = suggest });

        // Then the strip is on or off from the start
        Assert.Equal(suggest, console.Suggestions.Enabled);
    }

    [Fact]
    public void Create_ReadsTheRestoredManuscript_AsFarBackAsConsoleContextWordsSays()
    {
        // Given a manuscript of seven words kept beside the checkpoint, and Console:ContextWords 2
        Manuscript.Open(_folder.Path).Append("thou art more lovely and more temperate");

        // When the console starts and something is typed
        var console = Create(new ConsoleOptions { ContextWords = 2 });
        var context = console.SuggestionContext("rough winds");

        // Then the restored manuscript's last two words come before the typed text, which starts a new line, and the restore is announced
        Assert.Equal("more temperate\nrough winds", context);
        Assert.StartsWith("· Manuscript of 1 parts restored from ", _transcript.Snapshot()[^1]);
    }

    public void Dispose() => _folder.Dispose();

    private CompletionConsole Create(ConsoleOptions options) =>
        ConsoleStartup.Create(new NoModel(), ShippedPlugins.Catalog, _transcript, new SamplingSettings(), options, _folder.Path, NullLogger.Instance);

    private sealed class NoModel : IGeneratorSource, IGameTextSource
    {
        public Generator? TryCreateGenerator() => null;

        public GameText? TryGetGameText() => null;
    }
}
