using Microsoft.Extensions.Logging;

namespace LstmTerminal.Abstractions;

/// <summary>What the host hands a plugin when it creates it: its settings, a logger and a folder for its cache.</summary>
public sealed class PluginContext
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ILoggerFactory _loggerFactory;
    private readonly string _cacheRoot;

    /// <summary>Creates a context; plugins cache their files under the system's temporary folder.</summary>
    /// <param name="settings">
    /// Every setting under the configuration section <c>Plugins</c>, keyed <c>pluginName:Key</c> (case-insensitive).
    /// </param>
    /// <param name="loggerFactory">The host's logger factory; logs go to the app's log file.</param>
    public PluginContext(IReadOnlyDictionary<string, string> settings, ILoggerFactory loggerFactory)
        : this(settings, loggerFactory, Path.Combine(Path.GetTempPath(), "lstm-terminal-cache"))
    {
    }

    /// <summary>Creates a context whose plugins keep the files they can fetch again under <paramref name="cacheRoot"/>.</summary>
    /// <param name="settings">As in the other constructor.</param>
    /// <param name="loggerFactory">As in the other constructor.</param>
    /// <param name="cacheRoot">The app's cache folder, e.g. <c>$XDG_CACHE_HOME/lstm-terminal</c>; each plugin gets a subfolder.</param>
    public PluginContext(IReadOnlyDictionary<string, string> settings, ILoggerFactory loggerFactory, string cacheRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheRoot);
        _settings = new Dictionary<string, string>(settings, StringComparer.OrdinalIgnoreCase);
        _loggerFactory = loggerFactory;
        _cacheRoot = Path.GetFullPath(cacheRoot);
    }

    /// <summary>A context with no settings and no logging, for tests and tools.</summary>
    public static PluginContext Empty { get; } =
        new(new Dictionary<string, string>(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    /// <summary>Reads <c>Plugins:&lt;pluginName&gt;:&lt;key&gt;</c>, or null when it is not set.</summary>
    public string? GetSetting(string pluginName, string key) =>
        _settings.TryGetValue($"{pluginName}:{key}", out var value) ? value : null;

    /// <summary>
    /// The plugin's own folder for files it can fetch or rebuild again, such as downloads: <c>&lt;pluginName&gt;</c> under
    /// the user's cache folder (<c>$XDG_CACHE_HOME/lstm-terminal</c> on Linux), never the folder the user stands in.
    /// It may not exist yet: create it when writing the first file.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="pluginName"/> is not a plain folder name.</exception>
    public string GetCacheDirectory(string pluginName)
    {
        // Separators on any system, so the folder stays inside the cache whatever a plugin calls itself.
        if (string.IsNullOrWhiteSpace(pluginName) || pluginName is "." or ".." || pluginName.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            throw new ArgumentException($"'{pluginName}' cannot name a folder.", nameof(pluginName));
        }

        return Path.Combine(_cacheRoot, pluginName);
    }

    /// <summary>A logger whose category names the plugin.</summary>
    public ILogger CreateLogger(string pluginName) => _loggerFactory.CreateLogger($"Plugin.{pluginName}");
}
