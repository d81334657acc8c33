namespace LstmTerminal.Core.Plugins;

/// <summary>
/// Loads plugin folders that appear in the plugins folder while the app runs. A copy arrives file by file, so a
/// folder is loaded only after nothing in it changed for the quiet period and its <c>&lt;Name&gt;/&lt;Name&gt;.dll</c> exists.
/// </summary>
public sealed class PluginFolderWatcher : IDisposable
{
    private readonly PluginCatalog _catalog;
    private readonly string _directory;
    private readonly TimeSpan _quietPeriod;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTime> _lastChange = new(StringComparer.Ordinal);
    private bool _disposed;

    public PluginFolderWatcher(PluginCatalog catalog, string directory, TimeSpan quietPeriod)
    {
        _catalog = catalog;
        _directory = Path.GetFullPath(directory);
        _quietPeriod = quietPeriod;
        _timer = new Timer(_ => LoadQuietFolders());

        // Watching needs the folder; creating it also gives the user the place to drop plugins into.
        Directory.CreateDirectory(_directory);
        _watcher = new FileSystemWatcher(_directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Created += OnChanged;
        _watcher.Changed += OnChanged;
        _watcher.Renamed += OnChanged;
        _watcher.Error += OnOverflow;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>
    /// Raised on a thread-pool thread for each folder that added plugins or reported errors, and for the plugins folder
    /// itself when it can no longer be listed.
    /// </summary>
    public event Action<PluginFolderResult>? FolderLoaded;

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        var relative = Path.GetRelativePath(_directory, e.FullPath);
        var top = relative.Split(Path.DirectorySeparatorChar, 2)[0];
        if (top is "." or "..")
        {
            return;
        }

        Touch(Path.Combine(_directory, top));
    }

    /// <summary>
    /// Events were lost; treat every folder as changed, since loading a loaded folder adds nothing. A plugins folder
    /// that can no longer be listed is announced as a problem: an exception here would end the app.
    /// </summary>
    private void OnOverflow(object sender, ErrorEventArgs e)
    {
        var errors = new List<PluginLoadError>();
        foreach (var folder in PluginDirectory.Folders(_directory, errors))
        {
            Touch(folder);
        }

        if (errors.Count > 0)
        {
            FolderLoaded?.Invoke(new PluginFolderResult(_directory, [], [], errors));
        }
    }

    private void Touch(string folder)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _lastChange[folder] = DateTime.UtcNow;
            _timer.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private void LoadQuietFolders()
    {
        List<string> ready;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = DateTime.UtcNow;
            ready = _lastChange.Where(pair => now - pair.Value >= _quietPeriod).Select(pair => pair.Key).ToList();
            foreach (var folder in ready)
            {
                _lastChange.Remove(folder);
            }

            if (_lastChange.Count > 0)
            {
                _timer.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
            }
        }

        // A folder whose dll has not arrived yet is dropped here; the dll's own arrival touches it again.
        foreach (var folder in ready.Where(f => File.Exists(PluginFolderLoader.AssemblyPath(f))))
        {
            var result = _catalog.LoadFolder(folder);
            if (result.CorpusProviders.Count + result.Samplers.Count + result.Tokenizers.Count + result.Errors.Count > 0)
            {
                FolderLoaded?.Invoke(result);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _watcher.Dispose();
        _timer.Dispose();
    }
}
