using LstmTerminal.Testing;
using System.Text.Json.Nodes;

namespace LstmTerminal.Tests.Commands;

/// <summary>--tokenizer (Text:Tokenizer) chooses the token level of a fresh run; the checkpoint records it and every later verb uses it.</summary>
public sealed class TokenizerChoiceTests
{
    [Fact]
    public async Task Train_LearnsTheVocabularyThroughTheChosenTokenizer_AndEvalUsesTheOneTheCheckpointRecords()
    {
        // Given a run trained at character level
        using var workspace = new TinyWorkspace();
        var train = await CliRun.RunAsync(workspace.Args("train", "--tokenizer", "characters", "--max-steps", "2", "--json"));

        // Then its vocabulary is the corpus' characters (and the unknown id), and the checkpoint names the tokenizer
        Assert.Equal(0, train.ExitCode);
        var characters = File.ReadAllText(workspace.CorpusPath).Distinct().Count();
        Assert.Equal(characters + 1, train.Json.GetProperty("vocabularySize").GetInt32());
        Assert.Equal("characters", Manifest(workspace)["tokenizer"]!.GetValue<string>());
        Assert.Contains($"vocabulary {characters + 1} tokens (characters)", train.Error, StringComparison.Ordinal);

        // When it is evaluated with the default tokenizer setting (words), it is still read at character level
        var eval = await CliRun.RunAsync(workspace.Args("eval", "--json"));
        Assert.Equal(0, eval.ExitCode);
        Assert.Equal(characters + 1, eval.Json.GetProperty("vocabularySize").GetInt32());

        // And naming another tokenizer for eval is refused in one line
        var refused = await CliRun.RunAsync(workspace.Args("eval", "--tokenizer", "words"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("'characters'", Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Eval_RefusesACheckpointWithoutValidationText_SayingWhichTextAndSetting()
    {
        // Given a character-level checkpoint trained with no validation text at all
        using var workspace = new TinyWorkspace();
        var train = await CliRun.RunAsync(workspace.Args("train", "--tokenizer", "characters", "--max-steps", "1", "--Training:ValidationFraction=0"));
        Assert.Equal(0, train.ExitCode);

        // When it is evaluated on its corpus
        var eval = await CliRun.RunAsync(workspace.Args("eval"));

        // Then one line says the validation text is empty and which setting made it so, exit code 2
        Assert.Equal(2, eval.ExitCode);
        var line = Assert.Single(eval.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("validation text", line, StringComparison.Ordinal);
        Assert.Contains("0 tokens", line, StringComparison.Ordinal);
        Assert.Contains("Training:ValidationFraction", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_RecordsTheWordsTokenizer_ByDefault()
    {
        using var workspace = new TinyWorkspace();

        var train = await CliRun.RunAsync(workspace.Args("train", "--max-steps", "1"));

        Assert.Equal(0, train.ExitCode);
        Assert.Equal("words", Manifest(workspace)["tokenizer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Train_RefusesATokenizerThatIsNotLoaded_InOneLine()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync(workspace.Args("train", "--tokenizer", "sentences", "--max-steps", "1"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'sentences'", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(File.Exists(Path.Combine(workspace.CheckpointDirectory, "checkpoint.json")));
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("suggest")]
    public async Task InferenceVerb_RefusesACheckpointWhoseTokenizerIsNotLoaded_NamingIt(string verb)
    {
        // Given a checkpoint that records a tokenizer no plugins folder has
        using var workspace = new TinyWorkspace();
        Assert.Equal(0, (await CliRun.RunAsync(workspace.Args("train", "--max-steps", "1"))).ExitCode);
        var manifest = Manifest(workspace);
        manifest["tokenizer"] = "klingon";
        File.WriteAllText(Path.Combine(workspace.CheckpointDirectory, "checkpoint.json"), manifest.ToJsonString());

        // When it is used
        var run = await CliRun.RunAsync(workspace.ModelArgs(verb, "thou art"));

        // Then one line names the tokenizer, exit code 2
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'klingon'", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task ThirdPartyTokenizer_DroppedIntoTheUserPluginsFolder_TrainsAndGenerates_AndItsCheckpointIsRefusedWithoutIt()
    {
        // Given a tokenizer plugin nobody ships (one token per UTF-16 code unit), copied into the user's plugins folder
        using var workspace = new TinyWorkspace();
        const string plugin = "LstmTerminal.TestPlugins.CodeUnitTokenizer";
        var dropped = Path.Combine(workspace.Root, "user-plugins", plugin);
        BuiltPlugins.Copy(Path.Combine(AppContext.BaseDirectory, "third-party-plugins", plugin), dropped);

        // When a run trains with it and generates from its checkpoint
        var train = await CliRun.RunAsync(workspace.Args("train", "--tokenizer", "utf16-units", "--max-steps", "2", "--json"));
        var generate = await CliRun.RunAsync(workspace.ModelArgs("generate", "thou art", "--words", "5", "--seed", "1"));

        // Then both work at its level, and the checkpoint records it
        Assert.Equal(0, train.ExitCode);
        Assert.Equal(char.MaxValue + 1, train.Json.GetProperty("vocabularySize").GetInt32());
        Assert.Equal("utf16-units", Manifest(workspace)["tokenizer"]!.GetValue<string>());
        Assert.True(generate.ExitCode == 0, generate.Error);
        Assert.StartsWith("thou art", generate.Output.TrimStart());

        // And once the plugin is gone, the checkpoint is refused with exit code 2 in one line naming it
        Directory.Delete(dropped, recursive: true);
        var refused = await CliRun.RunAsync(workspace.ModelArgs("generate", "thou art"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("'utf16-units'", Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static JsonNode Manifest(TinyWorkspace workspace) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(workspace.CheckpointDirectory, "checkpoint.json")))!;
}
