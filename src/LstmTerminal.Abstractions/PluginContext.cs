using Microsoft.Extensions.Logging;

namespace LstmTerminal.Abstractions;

/// <summary>What the host hands a plugin when it creates it: its settings and a logger.</summary>
public sealed class PluginContext
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ILoggerFactory _loggerFactory;

    /// <summary>Creates a context.</summary>
    /// <param name="settings">
    /// Every setting under the configuration section <c>Plugins</c>, keyed <c>pluginName:Key</c> (case-insensitive).
    /// </param>
    /// <param name="loggerFactory">The host's logger factory; logs go to the app's log file.</param>
    public PluginContext(IReadOnlyDictionary<string, string> settings, ILoggerFactory loggerFactory)
    {
        _settings = new Dictionary<string, string>(settings, StringComparer.OrdinalIgnoreCase);
        _loggerFactory = loggerFactory;
    }

    /// <summary>A context with no settings and no logging, for tests and tools.</summary>
    public static PluginContext Empty { get; } =
        new(new Dictionary<string, string>(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    /// <summary>Reads <c>Plugins:&lt;pluginName&gt;:&lt;key&gt;</c>, or null when it is not set.</summary>
    public string? GetSetting(string pluginName, string key) =>
        _settings.TryGetValue($"{pluginName}:{key}", out var value) ? value : null;

    /// <summary>A logger whose category names the plugin.</summary>
    public ILogger CreateLogger(string pluginName) => _loggerFactory.CreateLogger($"Plugin.{pluginName}");
}
