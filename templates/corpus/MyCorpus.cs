using LstmTerminal.Abstractions;

namespace MyCorpus;

/// <summary>
/// Reads the text file named with --corpus-path (or Plugins:my-corpus:Path) and leaves out its comment lines, those
/// starting with '#': a starting point for your own corpus. Hand back raw prose; the app lower-cases and splits words.
/// </summary>
public sealed class MyCorpus(PluginContext context) : ICorpusProvider
{
    private const string PluginName = "my-corpus";

    public string Name => PluginName;

    public string Description => "A text file without its '#' comment lines (--corpus-path or Plugins:my-corpus:Path).";

    public async Task<Corpus> LoadAsync(CorpusRequest request, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        // A CorpusUnavailableException's message is shown to the user as is: say what is wrong and what to do.
        var path = request.Path ?? context.GetSetting(PluginName, "Path")
            ?? throw new CorpusUnavailableException($"Name a text file with --corpus-path FILE (or the setting Plugins:{PluginName}:Path).");
        if (!File.Exists(path))
        {
            throw new CorpusUnavailableException($"{path} is not a file. Name a text file with --corpus-path FILE.");
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        var size = new FileInfo(path).Length;
        progress?.Report(new CorpusLoadProgress("reading", size, size));

        var prose = lines.Where(line => !line.StartsWith('#')).ToList();
        string[] notices = prose.Count < lines.Length ? [$"Left out {lines.Length - prose.Count:N0} comment lines of {path}."] : [];
        return new Corpus(Path.GetFileNameWithoutExtension(path), string.Join('\n', prose), path, notices);
    }
}
