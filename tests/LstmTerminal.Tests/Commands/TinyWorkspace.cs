namespace LstmTerminal.Tests.Commands;

/// <summary>
/// A temp folder with a small deterministic corpus and the settings that make a tiny, fast model of it;
/// every run's logs and checkpoints stay inside the folder, and no plugin of the user running the tests is loaded.
/// </summary>
internal sealed class TinyWorkspace : IDisposable
{
    private static readonly string[] Lines =
    [
        "thou art more lovely and more temperate.",
        "to be or not to be, that is the question.",
        "wherefore art thou romeo? deny thy father.",
        "shall i compare thee to a summer's day?",
    ];

    public TinyWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "lstm-terminal-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        File.WriteAllText(CorpusPath, string.Join('\n', Enumerable.Range(0, 60).Select(i => Lines[i % Lines.Length])));
    }

    public string Root { get; }

    public string CorpusPath => Path.Combine(Root, "corpus.txt");

    public string CheckpointDirectory => Path.Combine(Root, "ckpt");

    /// <summary>Settings for a tiny model on the tiny corpus, plus the verb's own arguments.</summary>
    public string[] Args(params string[] verbArgs) =>
    [
        .. ModelArgs(verbArgs),
        "--Corpus:Provider=text-file",
        $"--Corpus:Path={CorpusPath}",
    ];

    /// <summary>Settings for a tiny model, with no word on the corpus, plus the verb's own arguments.</summary>
    public string[] ModelArgs(params string[] verbArgs) =>
    [
        .. verbArgs,
        $"--Training:CheckpointDirectory={CheckpointDirectory}",
        "--Training:BatchSize=4",
        "--Training:SequenceLength=8",
        "--Training:LearningRate=0.01",
        "--Training:EvalEvery=1000",
        "--Vocabulary:MinWordFrequency=1",
        "--Model:EmbeddingSize=16",
        "--Model:RnnSize=16",
        $"--Logging:Directory={Path.Combine(Root, "logs")}",
        $"--Plugins:UserDirectory={Path.Combine(Root, "user-plugins")}",
    ];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
