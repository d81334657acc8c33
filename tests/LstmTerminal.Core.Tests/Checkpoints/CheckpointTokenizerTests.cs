using System.Text.Json.Nodes;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Plugins;
using Microsoft.Extensions.Logging.Abstractions;

namespace LstmTerminal.Core.Tests.Checkpoints;

/// <summary>A checkpoint's vocabulary comes back through the tokenizer plugin it records; old checkpoints mean <c>words</c>.</summary>
public sealed class CheckpointTokenizerTests
{
    [Theory]
    [InlineData(CheckpointFixtures.Format1)]
    [InlineData(CheckpointFixtures.Format2)]
    public void TheWordsState_IsTheVocabJsonEarlierBuildsWrote(string fixture)
    {
        // Given a checkpoint of an earlier build, which records no tokenizer
        var directory = CheckpointFixtures.PathOf(fixture);
        var file = Directory.GetFiles(directory, "vocab.json", SearchOption.AllDirectories).Single();

        // When it is read
        var checkpoint = new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog);

        // Then the words plugin read its vocab.json, and saves exactly that text again
        Assert.Null(checkpoint.Manifest.Tokenizer);
        Assert.Equal("words", checkpoint.Vocabulary.TokenizerName);
        Assert.Equal(File.ReadAllText(file), checkpoint.Vocabulary.Save());
    }

    [Fact]
    public void LoadForInference_RefusesACheckpointWhoseTokenizerIsNotLoaded_NamingIt()
    {
        // Given a checkpoint that records a tokenizer no plugins folder has
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "checkpoint.json")))!;
        manifest["tokenizer"] = "klingon";
        File.WriteAllText(Path.Combine(directory, "checkpoint.json"), manifest.ToJsonString());

        // When it is read
        var error = Assert.Throws<CheckpointException>(() => new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog));

        // Then one line names the tokenizer
        Assert.Equal(CheckpointProblem.TokenizerMissing, error.Problem);
        Assert.Contains("'klingon'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void LoadForInference_RefusesAnOldCheckpoint_WhenNoWordsPluginIsLoaded()
    {
        // Given plugins without any tokenizer
        using var temp = new TempDirectory();
        var empty = PluginCatalog.Load(temp.Combine("none"), new PluginContext(new Dictionary<string, string>(), NullLoggerFactory.Instance));

        // When a checkpoint from before tokenizers is read
        var error = Assert.Throws<CheckpointException>(() => new CheckpointReader(CheckpointFixtures.PathOf(CheckpointFixtures.Format2)).LoadForInference(empty));

        // Then it needs words
        Assert.Contains("'words'", error.Message);
    }
}
