using System.Globalization;
using LstmTerminal.Abstractions;
using LstmTerminal.Commands;
using LstmTerminal.Core.Options;
using LstmTerminal.Interactive;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Text;
using LstmTerminal.Core.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog;
using LstmTerminal.Torch.Workflow;

namespace LstmTerminal.Hosting;

/// <summary>
/// Builds the generic host: configuration (appsettings.json beside the app, a preset, environment <c>LSTMTERMINAL_</c>,
/// <c>--Section:Key=value</c> settings, then the verb's own options), validated options, file logging, services.
/// </summary>
public static class AppHost
{
    public const string EnvironmentPrefix = "LSTMTERMINAL_";

    /// <param name="pluginKinds">The plugin kinds the verb uses (<see cref="PluginKinds"/>); null loads every plugin.</param>
    public static IHost Build(IReadOnlyList<string> settings, IReadOnlyDictionary<string, string?> overrides, IReadOnlySet<string>? pluginKinds = null)
    {
        // The content root is the app's folder so appsettings.json is found from any working directory.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        AddSources(builder.Configuration, settings, overrides, preset: null);
        if (builder.Configuration[Presets.Key] is { Length: > 0 } preset)
        {
            AddSources(builder.Configuration, settings, overrides, Presets.PathOf(preset));
        }

        ConfigureLogging(builder);
        AddOptions<CorpusOptions>(builder, CorpusOptions.Section);
        AddOptions<VocabularyOptions>(builder, VocabularyOptions.Section);
        AddOptions<TextOptions>(builder, TextOptions.Section);
        AddOptions<ModelOptions>(builder, ModelOptions.Section);
        AddOptions<TrainingOptions>(builder, TrainingOptions.Section);
        AddOptions<SamplingOptions>(builder, SamplingOptions.Section);
        AddOptions<PluginOptions>(builder, PluginOptions.Section);
        AddOptions<ConsoleOptions>(builder, ConsoleOptions.Section);

        builder.Services.AddSingleton(services => LoadCatalog(services, builder.Configuration, pluginKinds));
        builder.Services.AddSingleton(services =>
        {
            var corpus = services.GetRequiredService<CorpusOptions>();
            return new CorpusLoader(services.GetRequiredService<PluginCatalog>(), corpus.LoadTimeout, corpus.FallbackProvider);
        });
        builder.Services.AddSingleton<TrainingPlanner>();
        return builder.Build();
    }

    /// <summary>The validated options of a section; throws <see cref="OptionsValidationException"/> naming the key.</summary>
    /// <remarks>Public only while <c>generate</c> still reads its settings here; verbs take the registered values instead.</remarks>
    public static T Value<T>(IServiceProvider services)
        where T : class
    {
        try
        {
            return services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith(BindingFailure.ConvertPrefix, StringComparison.Ordinal))
        {
            // A value of the wrong kind is a usage error, not a crash.
            throw new UsageException(BindingFailure.Describe(e.Message, [new SettingsSection(typeof(T))]));
        }
    }

    /// <summary>
    /// Validates every settings section now, before the verb does any work: what <c>ValidateOnStart</c> asks of a started
    /// host, for verbs that run without starting it. Throws <see cref="OptionsValidationException"/> (all the failures of
    /// every section, in one) or a <see cref="UsageException"/> for a value of the wrong kind.
    /// </summary>
    public static void ValidateOnStart(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            var failures = e.InnerExceptions.Cast<OptionsValidationException>().ToList();
            throw new OptionsValidationException(failures[0].OptionsName, failures[0].OptionsType, [.. failures.SelectMany(f => f.Failures)]);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith(BindingFailure.ConvertPrefix, StringComparison.Ordinal))
        {
            throw new UsageException(BindingFailure.Describe(e.Message, services.GetServices<SettingsSection>()));
        }
    }

    /// <summary>The plugins folder; relative paths count from the app's folder, where the build puts the shipped plugins.</summary>
    private static string PluginsDirectory(PluginOptions options) => Path.GetFullPath(options.Directory, AppContext.BaseDirectory);

    /// <summary>The user's plugins folder: <c>Plugins:UserDirectory</c> (relative to the working folder), else the user data folder's.</summary>
    private static string UserPluginsDirectory(PluginOptions options) =>
        options.UserDirectory is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(UserFolders.Data, "plugins");

    /// <summary>appsettings.json, then the preset if any, then environment, command-line settings and the verb's options.</summary>
    private static void AddSources(IConfigurationBuilder configuration, IReadOnlyList<string> settings, IReadOnlyDictionary<string, string?> overrides, string? preset)
    {
        configuration.Sources.Clear();
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (preset is not null)
        {
            configuration.AddJsonFile(preset, optional: false, reloadOnChange: false);
        }

        configuration
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddCommandLine(settings.ToArray())
            .AddInMemoryCollection(overrides);
    }

    /// <summary>
    /// Binds a section and registers its validated value, which verbs take in their constructors; every section is
    /// validated on start (see <see cref="ValidateOnStart"/>), so a bad setting stops any verb before it starts, as a
    /// usage error naming the key, even one of a section the verb does not use.
    /// </summary>
    private static void AddOptions<T>(HostApplicationBuilder builder, string section)
        where T : class
    {
        builder.Services.AddOptions<T>().Bind(builder.Configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<T>>(new EnumSettingNames<T>(builder.Configuration.GetSection(section)));
        builder.Services.AddSingleton(Value<T>);
        builder.Services.AddSingleton(new SettingsSection(typeof(T), section));
    }

    private static void ConfigureLogging(HostApplicationBuilder builder)
    {
        var folder = LogFolder.Open(builder.Configuration[LogFolder.Key]);
        builder.Services.AddSingleton(folder);
        builder.Logging.ClearProviders();
        if (folder.Problem is not null)
        {
            // No provider at all: every logger is then off, so no message points at a log that is not there.
            return;
        }

        // Never log onto the console: stdout carries --json output and the TUI owns the screen.
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.File(Path.Combine(folder.Path, "lstm-terminal-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 7)
            .CreateLogger();
        builder.Logging.AddSerilog(logger, dispose: true);
    }

    private static PluginCatalog LoadCatalog(IServiceProvider services, IConfiguration configuration, IReadOnlySet<string>? kinds)
    {
        var settings = configuration.GetSection(PluginOptions.Section).AsEnumerable(makePathsRelative: true)
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.OrdinalIgnoreCase);
        // One key for the word level's threshold, as before tokenizers were plugins: the words plugin reads it as its own.
        settings[$"{TokenizerNames.Words}:MinWordFrequency"] = services.GetRequiredService<VocabularyOptions>().MinWordFrequency.ToString(CultureInfo.InvariantCulture);
        var options = services.GetRequiredService<PluginOptions>();
        var context = new PluginContext(settings, services.GetRequiredService<ILoggerFactory>(), UserFolders.Cache);
        var locations = new PluginLocations(PluginsDirectory(options))
        {
            UserDirectory = UserPluginsDirectory(options),
            LoadTimeout = options.LoadTimeout,
        };
        var catalog = PluginCatalog.Load(locations, context, kinds);
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Plugins");
        foreach (var error in catalog.Errors)
        {
            log.LogWarning("Plugin folder {Folder}: {Message}", error.Folder, error.Message);
        }

        return catalog;
    }
}
