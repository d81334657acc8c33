using System.CommandLine;
using LstmTerminal.Core.Plugins;

namespace LstmTerminal.Commands;

/// <summary><c>plugins</c>: every loaded plugin with where it came from, and every load error.</summary>
public sealed class PluginsVerb(PluginCatalog catalog, VerbConsole console)
{
    public static Command Create(VerbRunner runner)
    {
        var json = CommonOptions.Json();
        var command = new Command("plugins", "List corpus, sampler and tokenizer plugins, where each came from, and any load errors.") { json };
        command.SetAction((parse, cancellationToken) =>
            runner.RunAsync<PluginsVerb>(new Dictionary<string, string?>(), (verb, _) => Task.FromResult(verb.Run(parse.GetValue(json))), cancellationToken));
        return command;
    }

    /// <summary>How users see a plugin's <see cref="PluginSource"/>: shipped, added (to the app's folder) or user.</summary>
    public static string SourceName(PluginSource source) => source.ToString().ToLowerInvariant();

    private int Run(bool json)
    {
        var plugins = catalog.CorpusProviders.Select(p => Row(p.Name, p.Kind, p.Version, p.Source, p.Path, p.Description))
            .Concat(catalog.Samplers.Select(p => Row(p.Name, p.Kind, p.Version, p.Source, p.Path, p.Description)))
            .Concat(catalog.Tokenizers.Select(p => Row(p.Name, p.Kind, p.Version, p.Source, p.Path, p.Description)))
            .ToList();
        var errors = catalog.Errors.Select(e => new PluginErrorRow(e.Folder, e.Message)).ToList();
        if (json)
        {
            JsonOutput.Write(console.Output, new PluginsReport(catalog.Directories, plugins, errors));
            return ExitCodes.Success;
        }

        console.Output.WriteLine($"plugin folders: {string.Join(", then ", catalog.Directories)}");
        foreach (var plugin in plugins)
        {
            console.Output.WriteLine($"{plugin.Kind,-9} {plugin.Name,-24} {plugin.Version,-10} {plugin.Source,-8} {plugin.Path}");
            console.Output.WriteLine($"          {plugin.Description}");
        }

        foreach (var error in errors)
        {
            console.Output.WriteLine($"error     {error.Folder}: {error.Message}");
        }

        return ExitCodes.Success;
    }

    private static PluginRow Row(string name, string kind, string version, PluginSource source, string path, string description) =>
        new(name, kind, version, SourceName(source), path, description);
}
