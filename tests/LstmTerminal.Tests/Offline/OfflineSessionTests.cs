using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;
using LstmTerminal.ViewState;
using LstmTerminal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using LstmTerminal.Torch.Workflow;

namespace LstmTerminal.Tests.Offline;

/// <summary>The terminal UI's session on the default corpus without network: its state line says what it trains on.</summary>
public sealed class OfflineSessionTests
{
    [Fact]
    public async Task TheStateLineAndTheConsole_SayTheBundledTextIsUsed_When_TheDownloadIsRefused()
    {
        // Given the shipped plugins with a Gutenberg address that refuses connections
        using var temp = new TempDirectory();
        var settings = new Dictionary<string, string>
        {
            ["gutenberg-shakespeare:Url"] = LoopbackHttpServer.RefusingUrl().ToString(),
            ["gutenberg-shakespeare:RetryDelaySeconds"] = "0",
        };
        var catalog = PluginCatalog.Load(ShippedPlugins.Folder, new PluginContext(settings, NullLoggerFactory.Instance, temp.Combine("cache")));
        var state = new ScreenState();
        await using var session = TinySession.Create(temp, state, maxSteps: 1000, catalog: catalog, corpusProvider: "gutenberg-shakespeare", corpusPath: "");

        // When it opens
        session.Open(CancellationToken.None);

        // Then it trains, and both the state line and the console say on what and why
        Eventually.True(() => state.Status.Snapshot().Phase is SessionPhase.Training or SessionPhase.Failed, "training", timeoutSeconds: 120);
        var status = state.Status.Snapshot();
        Assert.True(status.Phase == SessionPhase.Training, status.Detail);
        Assert.Equal("from step 0 on Shakespeare (offline, bundled)", status.Detail);
        Assert.Equal("Shakespeare (offline, bundled)", state.Status.Snapshot().Corpus);
        Assert.Contains(state.Transcript.Snapshot(), line => line.Contains("Training on the bundled Shakespeare"));
    }
}
