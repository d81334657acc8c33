using LstmTerminal.Core.Options;
using LstmTerminal.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LstmTerminal.Tests.Commands;

/// <summary>
/// <c>--corpus-path</c> (or <c>Corpus:Path</c>) names the text to train on in every verb and in the terminal UI: it
/// selects the text-file plugin unless a provider is named, and a path that does not exist is a one-line usage error.
/// </summary>
public sealed class CorpusPathTests : IDisposable
{
    private readonly TinyWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Train_TrainsOnTheCorpusPath_When_NoProviderIsNamed()
    {
        var run = await CliRun.RunAsync(Offline("train", "--corpus-path", _workspace.CorpusPath, "--max-steps", "2", "--json"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(27, run.Json.GetProperty("vocabularySize").GetInt32());
        Assert.Contains($"corpus {Path.GetFileName(_workspace.CorpusPath)}:", run.Error);
    }

    [Fact]
    public async Task Eval_ScoresTheCorpusPath_When_NoProviderIsNamed()
    {
        // Given a checkpoint of the tiny corpus
        Assert.Equal(0, (await CliRun.RunAsync(_workspace.Args("train", "--max-steps", "2"))).ExitCode);

        // When it is evaluated on the same file, named by path alone
        var run = await CliRun.RunAsync(Offline("eval", "--corpus-path", _workspace.CorpusPath, "--json"));

        // Then every word is known: it read the file, not Shakespeare
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(0, run.Json.GetProperty("unknownRate").GetDouble());
    }

    [Theory]
    [InlineData("--corpus-path", null)]
    [InlineData("--corpus-path", "gutenberg-shakespeare")]
    [InlineData("--Corpus:Path", null)]
    public async Task Train_FailsInOneLine_When_TheCorpusPathDoesNotExist(string option, string? provider)
    {
        // Given a path that does not exist, with or without a provider that has no use for paths
        var missing = Path.Combine(_workspace.Root, "missing.txt");
        string[] corpus = provider is null ? [] : ["--corpus", provider];

        // When
        var run = await CliRun.RunAsync(Offline(["train", .. corpus, $"{option}={missing}", "--max-steps", "1"]));

        // Then
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: The corpus path {missing} does not exist.", line);
    }

    [Theory]
    [InlineData(new[] { "--Corpus:Path=some.txt" }, "text-file")]
    [InlineData(new[] { "--Corpus:Path=some.txt", "--Corpus:Provider=gutenberg-shakespeare" }, "gutenberg-shakespeare")]
    [InlineData(new string[0], "gutenberg-shakespeare")]
    public void TheTerminalUi_LoadsTheTextFilePlugin_When_OnlyAPathIsSet(string[] settings, string expected)
    {
        // The terminal UI takes the corpus from the settings alone (tests/e2e/tui-e2e.sh starts it with --corpus-path)
        using var host = AppHost.Build([.. settings, $"--Logging:Directory={Path.Combine(_workspace.Root, "logs")}"], new Dictionary<string, string?>());

        Assert.Equal(expected, host.Services.GetRequiredService<CorpusOptions>().ProviderToLoad);
    }

    /// <summary>The tiny model, no corpus settings, and a Gutenberg address that refuses: a wrong default fails fast.</summary>
    private string[] Offline(params string[] verbArgs) =>
        [.. _workspace.ModelArgs(verbArgs), $"--Plugins:gutenberg-shakespeare:Url={LoopbackHttpServer.RefusingUrl()}", "--Plugins:gutenberg-shakespeare:Retries=0"];
}
