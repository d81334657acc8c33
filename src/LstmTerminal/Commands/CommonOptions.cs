using System.CommandLine;

namespace LstmTerminal.Commands;

/// <summary>Options several verbs share, each mapped onto one configuration key.</summary>
public static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object on stdout; human progress goes to stderr." };

    public static Option<string?> CheckpointDirectory() => new("--checkpoint-dir") { Description = "Checkpoint folder (Training:CheckpointDirectory)." };

    public static Option<string?> Corpus() => new("--corpus") { Description = "Corpus plugin name (Corpus:Provider), e.g. gutenberg-shakespeare or text-file." };

    public static Option<string?> CorpusPath() =>
        new("--corpus-path") { Description = "File or folder to train on (Corpus:Path); selects the text-file plugin unless --corpus names another." };

    public static Option<string?> Tokenizer() =>
        new("--tokenizer") { Description = "Tokenizer plugin of a fresh run (Text:Tokenizer), e.g. words, characters or subwords; a checkpoint keeps its own." };

    /// <summary>Maps <c>--corpus</c> and <c>--corpus-path</c> onto their settings.</summary>
    public static void SetCorpus(Dictionary<string, string?> overrides, ParseResult parse, Option<string?> corpus, Option<string?> corpusPath)
    {
        Set(overrides, "Corpus:Provider", parse.GetValue(corpus));
        Set(overrides, "Corpus:Path", parse.GetValue(corpusPath));
    }

    /// <summary>Adds <paramref name="key"/> only when the user gave the option, so configuration keeps its say otherwise.</summary>
    public static void Set<T>(Dictionary<string, string?> overrides, string key, T? value)
    {
        if (value is not null)
        {
            overrides[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
