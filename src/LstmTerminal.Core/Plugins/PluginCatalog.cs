using LstmTerminal.Abstractions;

namespace LstmTerminal.Core.Plugins;

/// <summary>
/// The corpus providers, samplers and tokenizers found in the app's plugins folder and then the user's, and why any folder failed.
/// Loading never throws: a broken plugin is an entry in <see cref="Errors"/>, not a crash. Folders can be added while
/// the app runs. Two plugins of a kind with one name: a shipped one wins, else the first loaded; the other is reported.
/// </summary>
public sealed class PluginCatalog : ISamplerSource
{
    private readonly PluginLocations _locations;
    private readonly IReadOnlySet<string> _shippedFolders;
    private readonly PluginContext _context;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _loadedFolders = new(StringComparer.Ordinal);
    private LoadedPlugin<ICorpusProvider>[] _corpusProviders = [];
    private LoadedPlugin<ISampler>[] _samplers = [];
    private LoadedPlugin<ITokenizer>[] _tokenizers = [];
    private PluginLoadError[] _errors = [];

    private PluginCatalog(PluginLocations locations, PluginContext context)
    {
        _locations = locations;
        _shippedFolders = ShippedPluginList.Read(locations.AppDirectory);
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

    /// <summary>The folders scanned for plugin folders, the app's first: where to watch for folders added later.</summary>
    public IReadOnlyList<string> Directories =>
        _locations.UserDirectory is { } user && user != _locations.AppDirectory ? [_locations.AppDirectory, user] : [_locations.AppDirectory];

    /// <summary>Loads every <c>&lt;pluginsDirectory&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c>, folders in ordinal name order.</summary>
    public static PluginCatalog Load(string pluginsDirectory, PluginContext context) => Load(new PluginLocations(pluginsDirectory), context);

    /// <summary>
    /// Loads every <c>&lt;directory&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c> of the app's folder, then of the user's, folders
    /// in ordinal name order. A missing app folder is an error; a missing user folder is not; either one that cannot be
    /// listed (unreadable, a file in its place) is an error, and the other folder's plugins still load.
    /// </summary>
    /// <param name="kinds">
    /// The kinds of plugin wanted (<see cref="PluginKinds"/>), null for all: a folder whose assembly's metadata shows none
    /// of them is left unloaded, so its code never runs (<see cref="PluginAssemblyKinds"/>).
    /// </param>
    public static PluginCatalog Load(PluginLocations locations, PluginContext context, IReadOnlySet<string>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentException.ThrowIfNullOrWhiteSpace(locations.AppDirectory);
        ArgumentNullException.ThrowIfNull(context);
        var catalog = new PluginCatalog(locations with
        {
            AppDirectory = FullPath(locations.AppDirectory),
            UserDirectory = locations.UserDirectory is { } user ? FullPath(user) : null,
        }, context);
        var directories = catalog.Directories;
        if (!Path.Exists(directories[0]))
        {
            catalog._errors =
            [
                new PluginLoadError(directories[0],
                    $"The plugins folder {directories[0]} does not exist, so no shipped corpus providers or samplers were loaded. " +
                    "Build the app (dotnet build) to create it, or point the app at the folder that holds the plugins."),
            ];
        }

        // Only a folder with nothing at its path is missing; anything else there that cannot be listed is reported.
        foreach (var directory in directories.Where(Path.Exists))
        {
            var unlisted = new List<PluginLoadError>();
            foreach (var folder in PluginDirectory.Folders(directory, unlisted).Where(f => kinds is null || MayHold(f, kinds)))
            {
                catalog.LoadFolder(folder);
            }

            catalog._errors = [.. catalog._errors, .. unlisted];
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
        var fullPath = FullPath(folder);
        lock (_gate)
        {
            if (_loadedFolders.Contains(fullPath))
            {
                return new PluginFolderResult(fullPath, [], [], []);
            }

            var scan = PluginFolderLoader.Load(fullPath, _context, _locations.LoadTimeout);
            if (scan.AssemblyLoaded)
            {
                _loadedFolders.Add(fullPath);
            }

            var errors = scan.Errors.ToList();
            var source = SourceOf(fullPath);
            var corpusProviders = Register(scan, source, ref _corpusProviders, errors, (ICorpusProvider p, CreatedPlugin _) => p);
            var samplers = Register(scan, source, ref _samplers, errors,
                (ISampler s, CreatedPlugin created) => new GuardedSampler(s, created.Name, created.Description, GuardedSampler.DefaultTimeout));
            var tokenizers = Register(scan, source, ref _tokenizers, errors, (ITokenizer t, CreatedPlugin _) => t);
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

    private static bool MayHold(string folder, IReadOnlySet<string> kinds) =>
        PluginAssemblyKinds.Read(PluginFolderLoader.AssemblyPath(folder)) is not { } found || found.Overlaps(kinds);

    private static string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private PluginSource SourceOf(string folder)
    {
        var parent = Path.GetDirectoryName(folder);
        if (parent == _locations.AppDirectory)
        {
            return _shippedFolders.Contains(Path.GetFileName(folder)) ? PluginSource.Shipped : PluginSource.Added;
        }

        return parent == _locations.UserDirectory ? PluginSource.User : PluginSource.Added;
    }

    private static List<LoadedPlugin<T>> Register<T>(
        PluginFolderScan scan, PluginSource source, ref LoadedPlugin<T>[] all, List<PluginLoadError> errors, Func<T, CreatedPlugin, T> guard)
        where T : class
    {
        var added = new List<LoadedPlugin<T>>();
        var replaced = new List<LoadedPlugin<T>>();
        foreach (var created in scan.Plugins.Where(p => p.Contract.Interface == typeof(T)))
        {
            var plugin = (T)created.Instance;
            var name = created.Name;
            var holder = all.Except(replaced).Concat(added).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            var kind = created.Contract.Kind;
            if (holder is not null && (source != PluginSource.Shipped || holder.Source == PluginSource.Shipped))
            {
                var shipped = holder.Source == PluginSource.Shipped ? " (it ships with the app, and shipped plugins always win)" : "";
                errors.Add(new PluginLoadError(scan.Folder,
                    $"A {kind} plugin named '{name}' is already loaded from {holder.Path}{shipped}, so {plugin.GetType().FullName} " +
                    "from this folder was skipped. Rename it or remove one of the two folders."));
                continue;
            }

            if (holder is not null)
            {
                // A shipped plugin that loads after a drop-in of its name (e.g. the watcher found it later) takes the name back.
                replaced.Add(holder);
                errors.Add(new PluginLoadError(holder.Path,
                    $"A {kind} plugin named '{name}' ships with the app in {scan.Folder}, and shipped plugins always win, so " +
                    $"the one from this folder was set aside. Rename it or remove the folder."));
            }

            added.Add(new LoadedPlugin<T>(guard(plugin, created), name, kind, created.Description, scan.Version, scan.Folder, source));
        }

        all = [.. all.Except(replaced), .. added];
        return added;
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
