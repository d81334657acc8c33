using LstmTerminal.Tests.Commands;
using LstmTerminal.Tests.Support;

namespace LstmTerminal.Tests.Faults;

/// <summary>Bad input gets one line naming the problem and the fix, exit code 2, and changes no saved file.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("--Model:RnnSize=0", "Model:RnnSize")]
    [InlineData("--Model:EmbeddingSize=-3", "Model:EmbeddingSize")]
    [InlineData("--Training:BatchSize=0", "Training:BatchSize")]
    [InlineData("--Training:LearningRate=0", "Training:LearningRate")]
    [InlineData("--Training:TimeBudget=-00:01:00", "Training:TimeBudget")]
    [InlineData("--Sampling:Temperature=NaN", "Sampling:Temperature")]
    [InlineData("--Corpus:FallbackProvider=plugins/text-file", "Corpus:FallbackProvider")]
    [InlineData("--Training:Epochs=lots", "Training:Epochs")]
    [InlineData("--Model:TiedEmbeddings=true --Model:RnnSize=24", "Model:TiedEmbeddings")]
    [InlineData("--Training:Softmax=Approximate", "Training:Softmax")]
    [InlineData("--Training:Softmax=99", "Training:Softmax")]
    [InlineData("--Training:SampledCandidates=0", "Training:SampledCandidates")]
    [InlineData("--Training:LearningRateSchedule=Linear", "Training:LearningRateSchedule")]
    [InlineData("--Training:LearningRateSchedule=1", "Training:LearningRateSchedule")]
    [InlineData("--Training:Softmax=1", "Training:Softmax")]
    [InlineData("--Training:Softmax:0=Sampled", "Training:Softmax")]
    [InlineData("--Training:CosineFloor=1.5", "Training:CosineFloor")]
    public async Task Train_RefusesABadSetting_InOneLine_WithoutTouchingTheCheckpoint(string settings, string key)
    {
        using var workspace = new TinyWorkspace();
        var first = await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2"));
        Assert.Equal(0, first.ExitCode);
        var before = Snapshot(workspace.CheckpointDirectory);

        var run = await CliRun.RunAsync([.. workspace.Args("train", "--resume"), .. settings.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(key, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal(before, Snapshot(workspace.CheckpointDirectory));
    }

    [Theory]
    [InlineData("--Training:Softmax=Approximate", "Training:Softmax cannot be 'Approximate'; it takes one of: Full, Sampled.")]
    [InlineData("--Training:Softmax=99", "Training:Softmax cannot be '99'; it takes one of: Full, Sampled.")] // the binder takes numbers
    [InlineData("--Training:Softmax=1", "Training:Softmax cannot be '1'; it takes one of: Full, Sampled.")] // even one that names a member
    [InlineData("--Training:LearningRateSchedule=1", "Training:LearningRateSchedule cannot be '1'; it takes one of: Plateau, Cosine.")]
    [InlineData("--Training:LearningRateSchedule=Plateau,Cosine", "Training:LearningRateSchedule cannot be 'Plateau,Cosine'; it takes one of: Plateau, Cosine.")]
    [InlineData("--Training:Softmax:0=Sampled", "Training:Softmax cannot be a list or an object; it takes one of: Full, Sampled.")] // the binder skipped it
    [InlineData("--Training:Epochs=lots", "Training:Epochs cannot be 'lots'; it takes a whole number.")]
    [InlineData("--Model:TiedEmbeddings=maybe", "Model:TiedEmbeddings cannot be 'maybe'; it takes true or false.")]
    public async Task Train_SaysWhatASettingTakes_WhenItsValueIsOfTheWrongKind(string setting, string expected)
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync([.. workspace.Args("train"), setting]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: The setting {expected}", run.Error.Trim());
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("bench")]
    public async Task Verb_SaysWhatASettingTakes_WhenItsValueIsOfTheWrongKind(string verb)
    {
        // Given a verb whose corpus settings hold a duration that is none
        using var workspace = new TinyWorkspace();

        // When it runs
        var run = await CliRun.RunAsync([.. workspace.Args(verb), "--Corpus:LoadTimeout=soon"]);

        // Then it stops before it starts, with one line that says what the setting takes
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: The setting Corpus:LoadTimeout cannot be 'soon'; it takes a duration such as 00:10:00.", run.Error.Trim());
    }

    [Theory]
    [InlineData("empty", "contains no words")]
    [InlineData("binary", "UTF-8")]
    public async Task Train_RefusesAnUnusableCorpusFile(string kind, string expected)
    {
        using var workspace = new TinyWorkspace();
        var path = Path.Combine(workspace.Root, kind + ".txt");
        File.WriteAllBytes(path, kind == "empty" ? [] : Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 256)).ToArray());

        var run = await CliRun.RunAsync([.. workspace.Args("train"), "--Corpus:Path=" + path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.False(Directory.Exists(workspace.CheckpointDirectory));
    }

    [SkippableFact]
    public async Task Train_RefusesADeviceAsTheCorpus_InsteadOfReadingItUntilTheDeadline()
    {
        // Given /dev/zero, which reads forever; the short deadline and no fallback only bound the run without the check
        Skip.IfNot(File.Exists("/dev/zero"), "No /dev/zero here.");
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync([.. workspace.Args("train"), "--Corpus:Path=/dev/zero", "--Corpus:LoadTimeout=00:00:30", "--Corpus:FallbackProvider="]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: /dev/zero is a device, not a regular file, so it cannot be read as a corpus. Name a UTF-8 text file or a folder of .txt files with --corpus-path (or Plugins:text-file:Path).", run.Error.Trim());
        Assert.False(Directory.Exists(workspace.CheckpointDirectory));
    }

    [Fact]
    public async Task Train_ExplainsAMissingPluginsFolder()
    {
        using var workspace = new TinyWorkspace();
        var missing = Path.Combine(workspace.Root, "no-plugins");

        var run = await CliRun.RunAsync([.. workspace.Args("train"), "--Plugins:Directory=" + missing]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Error);
    }

    [Fact]
    public async Task Generate_RefusesACheckpointFromAModelOfAnotherSize()
    {
        using var workspace = new TinyWorkspace();
        Assert.Equal(0, (await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2"))).ExitCode);
        var manifest = Path.Combine(workspace.CheckpointDirectory, "checkpoint.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"rnnSize\": 16", "\"rnnSize\": 32"));

        var run = await CliRun.RunAsync(workspace.Args("generate", "thou art"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("model.bin", run.Error);
        Assert.Contains("/32", run.Error);
    }

    [Theory]
    [InlineData("temperature")]
    [InlineData("beam")]
    public async Task Generate_SaysTheModelsScoresAreNotNumbers_WhenItsWeightsAreNaN_NotThatTheSamplerFailed(string sampler)
    {
        // Given a checkpoint whose weights a diverged run (or damage) turned into NaN
        using var workspace = new TinyWorkspace();
        Assert.Equal(0, (await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2"))).ExitCode);
        NaNWeights.Fill(workspace.CheckpointDirectory);

        // When
        var run = await CliRun.RunAsync(workspace.Args("generate", "thou art", "--sampler", sampler));

        // Then
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Trim().Split('\n'));
        Assert.StartsWith("error: The model's scores are not numbers (NaN)", line);
        Assert.DoesNotContain("sampler", line);
    }

    [Fact]
    public async Task Train_RefusesAVocabularyWithoutWords_WithoutReplacingTheCheckpoint()
    {
        using var workspace = new TinyWorkspace();
        Assert.Equal(0, (await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2"))).ExitCode);
        var before = Snapshot(workspace.CheckpointDirectory);

        var run = await CliRun.RunAsync([.. workspace.Args("train", "--max-steps", "2"), "--Vocabulary:MinWordFrequency=1000000"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Vocabulary:MinWordFrequency", Assert.Single(ErrorLines(run)));
        Assert.Equal(before, Snapshot(workspace.CheckpointDirectory));
    }

    [Theory]
    [InlineData("generate", "\"layers\": 1", "\"layers\": 1000000000")]
    [InlineData("eval", "\"layers\": 1", "\"layers\": 0")]
    [InlineData("train", "\"rnnSize\": 16", "\"rnnSize\": -16")]
    [InlineData("generate", "\"model\": {", "\"model\": null, \"unused\": {")]
    [InlineData("eval", "\"training\": {", "\"training\": null, \"unused\": {")]
    [InlineData("train", "\"lossHistory\": [", "\"lossHistory\": [null, ")]
    public async Task EveryVerb_RefusesAnAbsurdManifest_InOneLine(string verb, string original, string damaged)
    {
        using var workspace = new TinyWorkspace();
        Assert.Equal(0, (await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2"))).ExitCode);
        var manifest = Path.Combine(workspace.CheckpointDirectory, "checkpoint.json");
        var text = File.ReadAllText(manifest);
        Assert.Contains(original, text);
        File.WriteAllText(manifest, text.Replace(original, damaged));
        var before = Snapshot(workspace.CheckpointDirectory);

        var run = await OpenCheckpointWith(workspace, verb);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("checkpoint.json is damaged", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal(before, Snapshot(workspace.CheckpointDirectory));
    }

    [Theory]
    [InlineData("generate", "checkpoint.json", "cut")]
    [InlineData("eval", "checkpoint.json", "list")]
    [InlineData("train", "checkpoint.json", "field")]
    [InlineData("generate", "vocab.json", "cut")]
    [InlineData("eval", "vocab.json", "list")]
    [InlineData("train", "vocab.json", "field")]
    public async Task EveryVerb_RefusesAJsonFileCutShortOrOfTheWrongShape_InOneLineOfPlainWords(string verb, string file, string damage)
    {
        // Given a checkpoint whose manifest or tokenizer state is cut short, a list, or has a field of the wrong kind (the
        // state's save record updated to match, so that its reader is reached)
        using var workspace = new TinyWorkspace();
        Assert.Equal(0, (await CliRun.RunAsync(workspace.Args("train", "--max-steps", "2"))).ExitCode);
        var path = file == "checkpoint.json" ? SavedCheckpoint.ManifestPath(workspace.CheckpointDirectory) : SavedCheckpoint.File(workspace.CheckpointDirectory, file);
        var json = File.ReadAllText(path);
        File.WriteAllText(path, damage switch
        {
            "cut" => json[..(json.Length / 2)],
            "list" => $"[{json}]",
            _ => file == "checkpoint.json" ? json.Replace("\"step\": 2,", "\"step\": \"two\",") : json.Replace("\"formatVersion\": 1", "\"formatVersion\": []"),
        });
        Assert.NotEqual(json, File.ReadAllText(path));
        if (file != "checkpoint.json")
        {
            SavedCheckpoint.Reseal(workspace.CheckpointDirectory);
        }

        var before = Snapshot(workspace.CheckpointDirectory);

        // When a verb opens the checkpoint
        var run = await OpenCheckpointWith(workspace, verb);

        // Then one line names the file and what is wrong with it, in plain words, and nothing changed
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains(path, line);
        Assert.Contains(damage switch { "cut" => "it breaks off at line", "list" => "it must be an object, not a list", _ => "must be a whole number, not" }, line);
        PlainWords.AssertPlain(line);
        Assert.Equal(before, Snapshot(workspace.CheckpointDirectory));
    }

    [Fact]
    public async Task Train_RefusesSettingsWhoseTensorsCannotFitInMemory_BeforeAllocating()
    {
        // Given a corpus of two million words, so that batches of 100,000 x 20 fit it, with 4096-wide layers
        using var workspace = new TinyWorkspace();
        var corpus = Path.Combine(workspace.Root, "big.txt");
        File.WriteAllText(corpus, string.Concat(Enumerable.Repeat("thou art more lovely and more temperate\n", 2_000_000 / 7 + 1)));

        var run = await CliRun.RunAsync(
        [
            .. workspace.Args("train", "--max-steps", "1"), $"--Corpus:Path={corpus}", "--Training:BatchSize=100000", "--Training:SequenceLength=20",
            "--Model:EmbeddingSize=4096", "--Model:RnnSize=4096", "--Training:ValidationFraction=0",
        ]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Training with these settings needs at least", Assert.Single(ErrorLines(run)));
        Assert.False(Directory.Exists(workspace.CheckpointDirectory));
    }

    /// <summary>Runs the verb on the workspace's checkpoint: generate and eval read it, train resumes it.</summary>
    private static Task<CliRun> OpenCheckpointWith(TinyWorkspace workspace, string verb) => CliRun.RunAsync(verb switch
    {
        "generate" => workspace.Args("generate", "thou art"),
        "eval" => workspace.Args("eval"),
        _ => workspace.Args("train", "--resume", "--max-steps", "4"),
    });

    /// <summary>The lines that report a failure, after whatever progress (reading the corpus) came before.</summary>
    private static IEnumerable<string> ErrorLines(CliRun run) =>
        run.Error.Split('\n').Where(line => line.StartsWith("error:", StringComparison.Ordinal));

    /// <summary>Every file below the folder, by relative path, with its hash.</summary>
    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
