using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Generation;

namespace LstmTerminal.Core.Tests.Checkpoints;

/// <summary>
/// What <c>generate</c> reads of a checkpoint, without libtorch: checkpoints of every format, and one line naming the
/// file and the reason for anything missing, damaged or not a plain file.
/// </summary>
public sealed class CheckpointReaderTests
{
    [Theory]
    [InlineData(CheckpointFixtures.Format1)]
    [InlineData(CheckpointFixtures.Format2)]
    public void LoadForInference_ReadsACheckpointWrittenByAnEarlierBuild(string fixture)
    {
        // Given a checkpoint of each format, as earlier builds wrote them
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(fixture, temp);

        // When it is read for generation
        var checkpoint = new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog);

        // Then manifest, vocabulary and weights are there, and fit together
        Assert.Equal(CheckpointFixtures.SavedStep, checkpoint.Manifest.Step);
        Assert.Equal(33, checkpoint.Vocabulary.Count);
        Assert.Equal(33 * 24, checkpoint.Weights.Output.Length);
        var generator = new Generator(checkpoint.Weights, checkpoint.Vocabulary);
        Assert.Equal(5, generator.Continue(generator.Encode("thou art"), new ArgMaxSampler(), new SamplingSettings { Words = 5, Temperature = 1, Seed = 1 }).Count());
    }

    [Fact]
    public void TheGeneratePath_LivesInAnAssemblyWithoutTorchSharp()
    {
        // Given the types generate reads a checkpoint and continues a prime with
        Type[] generatePath = [typeof(CheckpointReader), typeof(WeightsFile), typeof(InferenceCheckpoint), typeof(Generator)];

        // Then they all come from one assembly, which does not reference TorchSharp: the JIT cannot load libtorch for them
        var assembly = Assert.Single(generatePath.Select(type => type.Assembly).Distinct());
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), reference => reference.Name!.StartsWith("TorchSharp", StringComparison.Ordinal));
        Assert.Contains(assembly.GetReferencedAssemblies(), reference => reference.Name == "McMaster.NETCore.Plugins");
    }

    [Fact]
    public void TheManifest_IsReadAndWrittenByGeneratedCode()
    {
        // Given the options every checkpoint manifest is read and written with
        // When they resolve the manifest's type
        var typeInfo = JsonDefaults.Options.GetTypeInfo(typeof(CheckpointManifest));

        // Then its code was generated at build time: no serialiser built by reflection on generate's way to its first token
        Assert.Same(JsonFilesContext.Default, typeInfo.OriginatingResolver);
    }

    [Fact]
    public void LoadForInference_RefusesWeightsThatDoNotMatchTheirSave_NamingTheFile()
    {
        // Given model.bin cut in half after its save
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        var weights = SavedCheckpoint.File(directory, "model.bin");
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(bytes.Length / 2)]);

        // When the checkpoint is read
        var error = Assert.Throws<CheckpointException>(() => new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog));

        // Then the error names the file
        Assert.Contains("model.bin", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(-1)]
    public void LoadForInference_RefusesTruncatedWeights_AsTruncated(int keptBytes)
    {
        // Given model.bin cut short, and its manifest updated to match
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        var weights = SavedCheckpoint.File(directory, "model.bin");
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(keptBytes >= 0 ? keptBytes : bytes.Length + keptBytes)]);
        SavedCheckpoint.Reseal(directory);

        // When the checkpoint is read
        var error = Assert.Throws<CheckpointException>(() => new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog));

        // Then the error names the file and says it is truncated
        Assert.Contains("model.bin", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Theory]
    [InlineData("name", "a tensor 'xxxxxxxxxxxxxxxxx'")]
    [InlineData("count", "255 tensors")]
    [InlineData("type", "element type 7")]
    [InlineData("trailing", "4 bytes follow the last tensor")]
    [InlineData("noise", "model.bin")]
    public void LoadForInference_RefusesGarbledWeights_WithTheReason(string damage, string reason)
    {
        // Given model.bin with one kind of damage (the file starts: count, name length, "_embedding.weight", type)
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        var weights = SavedCheckpoint.File(directory, "model.bin");
        var bytes = File.ReadAllBytes(weights);
        switch (damage)
        {
            case "name":
                bytes.AsSpan(2, 17).Fill((byte)'x');
                break;
            case "count":
                bytes[0] = 0xff;
                bytes[1] = 0x01;
                break;
            case "type":
                bytes[19] = 7;
                break;
            case "trailing":
                bytes = [.. bytes, 1, 2, 3, 4];
                break;
            default:
                new Random(5).NextBytes(bytes);
                break;
        }

        File.WriteAllBytes(weights, bytes);
        SavedCheckpoint.Reseal(directory);

        // When it is read for generation, then the error names the file and the reason
        var error = Assert.Throws<CheckpointException>(() => new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog));
        Assert.Contains("model.bin", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void LoadForInference_RefusesAFutureFormatVersion()
    {
        // Given a manifest of format 99
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        SavedCheckpoint.EditManifest(directory, manifest => manifest["formatVersion"] = 99);

        // When the checkpoint is read
        var error = Assert.Throws<CheckpointException>(() => new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog));

        // Then the error names the version
        Assert.Contains("format version 99", error.Message);
    }

    public static TheoryData<string, string> DamagedManifests => new()
    {
        { "cut in half", "it is not valid JSON: it breaks off at line 103" },
        { "a list", "it must be an object, not a list" },
        { "empty", "it is empty" },
        { "step as text", "field 'step' must be a whole number, not text" },
        { "step too large", "field 'step' is out of range: 99999999999999999999999" },
        { "layers as true", "field 'model.layers' must be a whole number, not true" },
        { "loss as a list", "field 'lossHistory[1].loss' must be a number, not a list" },
        { "softmax unknown", "field 'training.softmax' must be one of Full, Sampled, not text" },
        { "saved at as a number", "field 'savedAt' must be a date and time such as 2025-01-31T12:00:00Z, not 7" },
        { "no step", "field 'step' is missing" },
        { "no rnn size", "field 'model.rnnSize' is missing" },
    };

    [Theory]
    [MemberData(nameof(DamagedManifests))]
    public void LoadForInference_RefusesAManifestThatIsNoJsonOrOfTheWrongShape_InPlainWords(string damage, string reason)
    {
        // Given a manifest cut short, of the wrong kind at its root, or with a field of the wrong kind or missing
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        var path = SavedCheckpoint.ManifestPath(directory);
        File.WriteAllText(path, Damaged(File.ReadAllText(path), damage));
        var before = File.ReadAllBytes(path);

        // When the checkpoint is read
        var error = Assert.Throws<CheckpointException>(() => new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog));

        // Then the file and what is wrong with it are named in plain words, and the file is left as it was
        Assert.Equal($"{path} is not a valid checkpoint manifest: {reason}.", error.Message);
        PlainWords.AssertPlain(error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    public static TheoryData<string, string> DamagedWordStates => new()
    {
        { "cut in half", "it is not valid JSON: it breaks off at line 19" },
        { "a list", "it must be an object, not a list" },
        { "words as text", "field 'words' must be a list, not text" },
        { "a word as a number", "field 'words[2]' must be text, not 12" },
        { "version as text", "field 'formatVersion' must be a whole number, not text" },
    };

    [Theory]
    [MemberData(nameof(DamagedWordStates))]
    public void LoadForInference_RefusesATokenizerStateThatIsNoJsonOrOfTheWrongShape_NamingTheFile(string damage, string reason)
    {
        // Given the words tokenizer's vocab.json damaged, and the save's record of it updated to match
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        var path = SavedCheckpoint.File(directory, "vocab.json");
        File.WriteAllText(path, Damaged(File.ReadAllText(path), damage));
        SavedCheckpoint.Reseal(directory);
        var before = File.ReadAllBytes(path);

        // When the checkpoint is read
        var error = Assert.Throws<CheckpointException>(() => new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog));

        // Then the file and what is wrong with it are named in plain words, and the file is left as it was
        Assert.Equal(
            $"The checkpoint in {directory} is unusable: its tokenizer state {path} does not load: " +
            $"The saved 'words' tokenizer state is not a valid vocabulary: {reason}.",
            error.Message);
        PlainWords.AssertPlain(error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void LoadForInference_RefusesAVocabularyThatDoesNotMatchTheModel()
    {
        // Given a vocabulary of two words for a 33-word model
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        File.WriteAllText(SavedCheckpoint.File(directory, "vocab.json"), "{\"formatVersion\":1,\"words\":[\"a\",\"b\"]}");
        SavedCheckpoint.Reseal(directory);

        // When the checkpoint is read
        var error = Assert.Throws<CheckpointException>(() => new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog));

        // Then it is refused as inconsistent
        Assert.Contains("inconsistent", error.Message);
    }

    [Fact]
    public void LoadForInference_ExplainsAMissingCheckpoint_AsMissing()
    {
        // Given a folder without a checkpoint
        using var temp = new TempDirectory();

        // When it is read
        var error = Assert.Throws<CheckpointException>(() => new CheckpointReader(temp.Combine("none")).LoadForInference(TokenizerPlugins.Catalog));

        // Then the error says so, as a missing checkpoint, and leaves the flags to the app
        Assert.Contains("No checkpoint", error.Message);
        Assert.Equal(CheckpointProblem.Missing, error.Problem);
        Assert.DoesNotContain("--", error.Message);
    }

    [Theory]
    [InlineData("checkpoint.json", "fifo")]
    [InlineData("model.bin", "fifo")]
    [InlineData("vocab.json", "fifo")]
    [InlineData("checkpoint.json", "device")]
    [InlineData("model.bin", "device")]
    public async Task LoadForInference_RefusesAFifoOrADevice_InsteadOfBlocking(string file, string kind)
    {
        // Given a FIFO or a device in place of one of the files
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        SavedCheckpoint.ReplaceWithSpecialFile(directory, file, kind);

        // When the checkpoint is read
        var error = await Bounded.ThrowsAsync<CheckpointException>(() => new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog));

        // Then it is refused at once, naming the file
        Assert.Contains("not a regular file", error.Message);
        Assert.Contains(file, error.Message);
    }

    [Theory]
    [InlineData("checkpoint.json", 64L * 1024 * 1024 + 1, "larger than a checkpoint manifest can be")]
    [InlineData("vocab.json", 256L * 1024 * 1024 + 1, "more than a vocabulary file can be")]
    public void LoadForInference_RefusesAnOversizedJsonFile_WithoutReadingIt(string file, long length, string expected)
    {
        // Given a JSON file past its size limit (a sparse file: writing hundreds of megabytes would only slow the test)
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        var isManifest = file == "checkpoint.json";
        var path = isManifest ? SavedCheckpoint.ManifestPath(directory) : SavedCheckpoint.File(directory, file);
        // A sparse file: the length is what counts, and writing hundreds of megabytes would only slow the test.
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(length);
        }

        if (!isManifest)
        {
            // Past the save's recorded size, to the reader's own limit.
            SavedCheckpoint.Reseal(directory);
        }

        // When the checkpoint is read, then it is refused by its size, and the file stays as it is
        var error = Assert.Throws<CheckpointException>(() => new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog));
        Assert.Contains(expected, error.Message);
        Assert.Contains(file, error.Message);
        Assert.Equal(length, new FileInfo(path).Length);
    }

    [Fact]
    public void LoadForInference_RemovesLeftovers_OnlyWhenNoWriterHoldsTheFolder()
    {
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        var stray = Path.Combine(directory, ".saving-0123456789ab");

        // Given a writer at work, then its temporaries are its own while it runs
        using (new CheckpointReader(directory).Folder.Lock())
        {
            Directory.CreateDirectory(stray);
            new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog);
            Assert.True(Directory.Exists(stray));
        }

        new CheckpointReader(directory).LoadForInference(TokenizerPlugins.Catalog);
        Assert.False(Directory.Exists(stray));
    }

    [Fact]
    public void ReadCommitted_ReadsTheNewerSave_When_ATrainerCommitsOneDuringTheRead()
    {
        // Given a read that fails because a trainer committed a newer save and removed the folder it was reading
        using var temp = new TempDirectory();
        var directory = CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp);
        var reader = new CheckpointReader(directory);
        var attempts = 0;

        // When it is read through ReadCommitted
        var folder = reader.ReadCommitted(() =>
        {
            if (++attempts == 1)
            {
                CommitNewerSave(directory, "step-30-0123456789ab");
                throw new CheckpointException($"The checkpoint in {directory} is incomplete: vocab.json is missing.");
            }

            return reader.Open(TokenizerPlugins.Catalog).Manifest.Data!.Folder;
        });

        // Then the newer save is read
        Assert.Equal(2, attempts);
        Assert.Equal("step-30-0123456789ab", folder);
    }

    [Fact]
    public void ReadCommitted_KeepsTheFailure_When_NoSaveCommittedMeanwhile()
    {
        // Given a read that fails while the committed checkpoint stays the same: it is damaged
        using var temp = new TempDirectory();
        var reader = new CheckpointReader(CheckpointFixtures.Copy(CheckpointFixtures.Format2, temp));
        var attempts = 0;

        // When it is read through ReadCommitted, then its failure stands after one attempt
        Assert.Throws<CheckpointException>(() => reader.ReadCommitted<int>(() => throw new CheckpointException($"damaged, attempt {++attempts}")));
        Assert.Equal(1, attempts);
    }

    /// <summary>A checkpoint's JSON file (its manifest or the words tokenizer's state) with one kind of damage.</summary>
    private static string Damaged(string json, string damage)
    {
        if (damage is "cut in half" or "a list" or "empty")
        {
            return damage switch
            {
                "cut in half" => json[..(json.Length / 2)],
                "a list" => $"[{json}]",
                _ => "",
            };
        }

        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        switch (damage)
        {
            case "step as text":
                root["step"] = "lots";
                break;
            case "step too large":
                root["step"] = 99999999999999999999999m;
                break;
            case "layers as true":
                root["model"]!["layers"] = true;
                break;
            case "loss as a list":
                root["lossHistory"]![1]!["loss"] = new System.Text.Json.Nodes.JsonArray();
                break;
            case "softmax unknown":
                root["training"]!["softmax"] = "Bogus";
                break;
            case "saved at as a number":
                root["savedAt"] = 7;
                break;
            case "no step":
                root.Remove("step");
                break;
            case "no rnn size":
                root["model"]!.AsObject().Remove("rnnSize");
                break;
            case "words as text":
                root["words"] = "to be or not to be";
                break;
            case "a word as a number":
                root["words"]![2] = 12;
                break;
            default:
                root["formatVersion"] = "one";
                break;
        }

        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>What a trainer's save does to a reader: the data folder moves to a new name and the manifest names it.</summary>
    private static void CommitNewerSave(string directory, string folder)
    {
        var manifestPath = Path.Combine(directory, "checkpoint.json");
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifestPath))!;
        Directory.Move(Path.Combine(directory, manifest["data"]!["folder"]!.GetValue<string>()), Path.Combine(directory, folder));
        manifest["data"]!["folder"] = folder;
        File.WriteAllText(manifestPath, manifest.ToJsonString());
    }
}
