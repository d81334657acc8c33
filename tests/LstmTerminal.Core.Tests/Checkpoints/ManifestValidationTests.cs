using System.Text.Json.Nodes;
using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Core.Tests.Checkpoints;

/// <summary>
/// A damaged or hand-edited checkpoint.json is refused in one line before anything is sized by it: no null reference,
/// no libtorch error, no minutes spent building a billion layers.
/// </summary>
public sealed class ManifestValidationTests
{
    public static TheoryData<string, string, string> Damages => new()
    {
        { "model", "null", "lacks one of" },
        { "training", "null", "lacks one of" },
        { "lossHistory", "null", "lacks one of" },
        { "validationHistory", "null", "lacks one of" },
        { "lossHistory", "[null]", "loss history" },
        { "validationHistory", "[null]", "validation history" },
        { "model.layers", "1000000000", "Model:Layers" },
        { "model.layers", "0", "Model:Layers" },
        { "model.rnnSize", "-5", "Model:RnnSize" },
        { "model.embeddingSize", "1000000000", "Model:EmbeddingSize" },
        { "model.vocabularySize", "0", "vocabulary size" },
        { "model.vocabularySize", "2147483647", "vocabulary size" },
        { "model.dropout", "\"NaN\"", "Model:Dropout" },
        { "training.batchSize", "0", "Training:BatchSize" },
        { "training.sequenceLength", "-1", "Training:SequenceLength" },
        { "training.learningRate", "\"Infinity\"", "Training:LearningRate" },
        { "training.softmax", "7", "softmax" },
        { "step", "-1", "position" },
        { "window", "1000", "position" },
        { "learningRate", "5", "learning rate" },
        { "data", "null", "data folder" },
        { "data.folder", "\"../../etc\"", "data folder" },
        { "data.previous", "\"/home\"", "previous data folder" },
        { "data.files", "[{\"name\":\"../../escape.bin\",\"bytes\":1,\"sha256\":\"" + new string('0', 64) + "\"}]", "file list" },
        { "data.files", "[]", "lacks model.bin" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task LoadForInference_RefusesADamagedManifest_InOneLine(string property, string json, string expected)
    {
        // Given a checkpoint whose manifest has one damaged value
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        SavedCheckpoint.EditManifest(directory, manifest => SavedCheckpoint.Set(manifest, property, JsonNode.Parse(json)));

        // When it is read, then it is refused in one line naming the manifest and the value
        var error = await Bounded.ThrowsAsync<CheckpointException>(() => new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog));
        Assert.Contains("checkpoint.json", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
