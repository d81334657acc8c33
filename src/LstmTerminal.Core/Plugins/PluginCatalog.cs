using LstmTerminal.Abstractions;

namespace LstmTerminal.Core.Plugins;

/// <summary>
/// The corpus providers, samplers and tokenizers found in the plugins folder, and why any folder failed. Loading never
/// throws: a broken plugin is an entry in <see cref="Errors"/>, not a crash. Folders can be added while the app runs.
/// </summary>
public sealed class PluginCatalog
{
    private readonly PluginContext _context;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _loadedFolders = new(StringComparer.Ordinal);
    private LoadedPlugin<ICorpusProvider>[] _corpusProviders = [];
    private LoadedPlugin<ISampler>[] _samplers = [];
    private LoadedPlugin<ITokenizer>[] _tokenizers = [];
    private PluginLoadError[] _errors = [];

    private PluginCatalog(PluginContext context)
    {
        _context = context;
    }

    /// <summary>Snapshots: a concurrent <see cref="LoadFolder"/> replaces them rather than changing them.</summary>
    public IReadOnlyList<LoadedPlugin<ICorpusProvider>> CorpusProviders
    {
        get { lock (_gate) { return _corpusProviders; } }
    }

    public IReadOnlyList<LoadedPlugin<ISampler>> Samplers
    {
        get { lock (_gate) { return _samplers; } }
    }

    public IReadOnlyList<LoadedPlugin<ITokenizer>> Tokenizers
    {
        get { lock (_gate) { return _tokenizers; } }
    }

    public IReadOnlyList<PluginLoadError> Errors
    {
        get { lock (_gate) { return _errors; } }
    }

    /// <summary>Loads every <c>&lt;pluginsDirectory&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c>, folders in ordinal name order.</summary>
    public static PluginCatalog Load(string pluginsDirectory, PluginContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginsDirectory);
        ArgumentNullException.ThrowIfNull(context);
        var catalog = new PluginCatalog(context);
        var directory = Path.GetFullPath(pluginsDirectory);
        if (!Directory.Exists(directory))
        {
            catalog._errors =
            [
                new PluginLoadError(directory,
                    $"The plugins folder {directory} does not exist, so no corpus providers or samplers were loaded. " +
                    "Build the app (dotnet build) to create it, or point the app at the folder that holds the plugins."),
            ];
            return catalog;
        }

        foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            catalog.LoadFolder(folder);
        }

        return catalog;
    }

    /// <summary>
    /// Loads one plugin folder and returns what it added. Once a folder's assembly is loaded, later calls for it add
    /// nothing; a folder that failed before that (no dll yet, not an assembly) is tried again and its old errors replaced.
    /// </summary>
    public PluginFolderResult LoadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var fullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        lock (_gate)
        {
            if (_loadedFolders.Contains(fullPath))
            {
                return new PluginFolderResult(fullPath, [], [], []);
            }

            var scan = PluginFolderLoader.Load(fullPath, _context);
            if (scan.AssemblyLoaded)
            {
                _loadedFolders.Add(fullPath);
            }

            var errors = scan.Errors.ToList();
            var corpusProviders = Register(scan, PluginKinds.Corpus, (ICorpusProvider p) => p.Name, ref _corpusProviders, errors, p => p);
            var samplers = Register(scan, PluginKinds.Sampler, (ISampler s) => s.Name, ref _samplers, errors, s => new GuardedSampler(s, GuardedSampler.DefaultTimeout));
            var tokenizers = Register(scan, PluginKinds.Tokenizer, (ITokenizer t) => t.Name, ref _tokenizers, errors, t => t);
            _errors = [.. _errors.Where(e => e.Folder != fullPath), .. errors];
            return new PluginFolderResult(fullPath, corpusProviders, samplers, errors) { Tokenizers = tokenizers };
        }
    }

    /// <exception cref="PluginNotFoundException">No corpus provider has that name; the message lists those that do.</exception>
    public LoadedPlugin<ICorpusProvider> GetCorpusProvider(string name) => Find(CorpusProviders, name, "corpus provider");

    /// <exception cref="PluginNotFoundException">No sampler has that name; the message lists those that do.</exception>
    public LoadedPlugin<ISampler> GetSampler(string name) => Find(Samplers, name, "sampler");

    /// <exception cref="PluginNotFoundException">No tokenizer has that name; the message lists those that do.</exception>
    public LoadedPlugin<ITokenizer> GetTokenizer(string name) => Find(Tokenizers, name, "tokenizer");

    private static List<LoadedPlugin<T>> Register<T>(
        PluginFolderScan scan, string kind, Func<T, string> nameOf, ref LoadedPlugin<T>[] all, List<PluginLoadError> errors, Func<T, T> guard)
        where T : class
    {
        var added = new List<LoadedPlugin<T>>();
        foreach (var plugin in scan.Instances.OfType<T>())
        {
            var name = NameOrError(plugin, nameOf, scan.Folder, errors);
            if (name is null)
            {
                continue;
            }

            var holder = all.Concat(added).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (holder is not null)
            {
                errors.Add(new PluginLoadError(scan.Folder,
                    $"A {kind} plugin named '{name}' is already loaded from {holder.Path}, so {plugin.GetType().FullName} " +
                    "from this folder was skipped. Remove one of the two folders."));
            }
            else
            {
                added.Add(new LoadedPlugin<T>(guard(plugin), name, kind, scan.Version, scan.Folder));
            }
        }

        all = [.. all, .. added];
        return added;
    }

    private static string? NameOrError<T>(T plugin, Func<T, string> nameOf, string folder, List<PluginLoadError> errors)
    {
        string? name;
        try
        {
            name = nameOf(plugin);
        }
        catch (Exception e)
        {
            errors.Add(new PluginLoadError(folder, $"The Name of {plugin!.GetType().FullName} threw {e.GetType().Name}: {e.Message}"));
            return null;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new PluginLoadError(folder, $"{plugin!.GetType().FullName} has an empty Name; give it a stable name."));
            return null;
        }

        return name;
    }

    private LoadedPlugin<T> Find<T>(IReadOnlyList<LoadedPlugin<T>> plugins, string name, string noun)
        where T : class
    {
        var match = plugins.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        var known = plugins.Count > 0
            ? $"Known {noun}s: {string.Join(", ", plugins.Select(p => p.Name))}."
            : $"No {noun}s are loaded{(Errors.Count > 0 ? $": {Errors[0].Message}" : ".")}";
        throw new PluginNotFoundException($"There is no {noun} named '{name}'. {known}");
    }
}
