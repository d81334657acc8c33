using System.Text.Json;

namespace LstmTerminal.Tests.Commands;

/// <summary>train and eval report bits per character of the validation text, and say why a lossy tokenizer has none.</summary>
public sealed class BitsPerCharacterReportTests
{
    [Fact]
    public async Task TrainAndEval_ReportBitsPerCharacter_AtCharacterLevel()
    {
        // Given one epoch at character level, where a token is a character of the validation text
        using var workspace = new TinyWorkspace();
        var train = await CliRun.RunAsync(workspace.Args("train", "--tokenizer", "characters", "--epochs", "1", "--seed", "1", "--json"));
        Assert.True(train.ExitCode == 0, train.Error);

        // When it is evaluated, in JSON and in words
        var eval = await CliRun.RunAsync(workspace.Args("eval", "--json"));
        var evalText = await CliRun.RunAsync(workspace.Args("eval"));

        // Then both give the loss in bits per character (one token per character), with no note
        foreach (var json in new[] { train.Json, eval.Json })
        {
            var bits = json.GetProperty("validationBitsPerCharacter").GetDouble();
            Assert.Equal(json.GetProperty("validationLoss").GetDouble() / Math.Log(2), bits, 6);
            Assert.Equal(JsonValueKind.Null, json.GetProperty("validationBitsPerCharacterNote").ValueKind);
        }

        Assert.Contains("bits/char ", train.Error);
        Assert.Matches(@"bits/char \d+\.\d{3},", evalText.Output);
    }

    [Fact]
    public async Task TrainAndEval_GiveNoBitsPerCharacter_ForTheWordsTokenizer_AndSayWhy()
    {
        // Given one epoch at the word level, which drops case and punctuation
        using var workspace = new TinyWorkspace();
        var train = await CliRun.RunAsync(workspace.Args("train", "--epochs", "1", "--seed", "1", "--json"));
        Assert.True(train.ExitCode == 0, train.Error);

        // When it is evaluated and trained on, in JSON and in words
        var eval = await CliRun.RunAsync(workspace.Args("eval", "--json"));
        var evalText = await CliRun.RunAsync(workspace.Args("eval"));
        var trainText = await CliRun.RunAsync(workspace.Args("train", "--epochs", "1", "--seed", "1"));

        // Then no figure flatters it: null, with the reason
        foreach (var json in new[] { train.Json, eval.Json })
        {
            Assert.Equal(JsonValueKind.Null, json.GetProperty("validationBitsPerCharacter").ValueKind);
            Assert.Contains("the words tokenizer is lossy", json.GetProperty("validationBitsPerCharacterNote").GetString());
        }

        Assert.Contains("bits/char n/a (lossy tokenizer)", evalText.Output);
        Assert.Contains("bits/char n/a (lossy tokenizer)", trainText.Output);
    }
}
