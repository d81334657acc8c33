using LstmTerminal.Abstractions;

namespace LstmTerminal.Corpus.TextFile;

/// <summary>Any local UTF-8 text file, or every <c>.txt</c> file of a folder in name order.</summary>
public sealed class TextFileProvider : ICorpusProvider
{
    private const string ProviderName = "text-file";

    private readonly PluginContext _context;

    public TextFileProvider(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public string Name => ProviderName;

    public string Description => "A local UTF-8 text file, or a folder of .txt files joined in name order.";

    public async Task<Abstractions.Corpus> LoadAsync(CorpusRequest request, IProgress<CorpusLoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path ?? _context.GetSetting(ProviderName, "Path");
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CorpusUnavailableException(
                $"No text file given. Use --corpus-path FILE (or set Plugins:{ProviderName}:Path) to name a UTF-8 text file or a folder of .txt files.");
        }

        var fullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        try
        {
            var files = FilesAt(fullPath);
            var reader = new Utf8FileReader(files.Sum(f => f.Length), progress);
            var texts = new List<string>(files.Count);
            foreach (var file in files)
            {
                texts.Add(await reader.ReadAsync(file, cancellationToken));
            }

            return new Abstractions.Corpus(Path.GetFileName(fullPath), string.Join('\n', texts), fullPath);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // The user's path, not a fault of the plugin: say so in the words of the file system.
            throw new CorpusUnavailableException(
                $"Cannot read the corpus at {fullPath}: {e.Message} Make it readable, or name another file with --corpus-path (or Plugins:{ProviderName}:Path).", e);
        }
    }

    private static IReadOnlyList<FileInfo> FilesAt(string path)
    {
        if (File.Exists(path))
        {
            return [RegularFile(new FileInfo(path))];
        }

        if (!Directory.Exists(path))
        {
            throw new CorpusUnavailableException(
                $"The corpus path {path} does not exist. Check --corpus-path (or Plugins:{ProviderName}:Path); it must name a UTF-8 text file or a folder of .txt files.");
        }

        var files = new DirectoryInfo(path).GetFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal).Select(RegularFile).ToList();
        return files.Count > 0
            ? files
            : throw new CorpusUnavailableException($"The folder {path} holds no .txt files. Put the corpus in .txt files there, or name a single file with --corpus-path.");
    }

    /// <summary>Refuses a named pipe, device or socket before anything opens it (reading one would wait or never end).</summary>
    private static FileInfo RegularFile(FileInfo file) =>
        FileKind.SpecialKindOf(file.FullName) is { } kind
            ? throw new CorpusUnavailableException(
                $"{file.FullName} is {kind}, not a regular file, so it cannot be read as a corpus. Name a UTF-8 text file or a folder of .txt files with --corpus-path (or Plugins:{ProviderName}:Path).")
            : file;
}
