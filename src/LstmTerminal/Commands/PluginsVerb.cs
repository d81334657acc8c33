using System.CommandLine;
using LstmTerminal.Core.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace LstmTerminal.Commands;

/// <summary><c>plugins</c>: every loaded plugin and every load error.</summary>
public static class PluginsVerb
{
    public static Command Create(VerbRunner runner)
    {
        var json = CommonOptions.Json();
        var command = new Command("plugins", "List corpus and sampler plugins and any load errors.") { json };
        command.SetAction((parse, cancellationToken) =>
            runner.RunAsync(new Dictionary<string, string?>(), context => Task.FromResult(Run(context, parse.GetValue(json))), cancellationToken));
        return command;
    }

    private static int Run(VerbContext context, bool json)
    {
        var catalog = context.Services.GetRequiredService<PluginCatalog>();
        var plugins = catalog.CorpusProviders.Select(p => new { name = p.Name, kind = p.Kind, version = p.Version, path = p.Path, description = p.Plugin.Description })
            .Concat(catalog.Samplers.Select(p => new { name = p.Name, kind = p.Kind, version = p.Version, path = p.Path, description = p.Plugin.Description }))
            .ToList();
        var errors = catalog.Errors.Select(e => new { folder = e.Folder, message = e.Message }).ToList();
        if (json)
        {
            JsonOutput.Write(context.Output, new { plugins, errors });
            return ExitCodes.Success;
        }

        foreach (var plugin in plugins)
        {
            context.Output.WriteLine($"{plugin.kind,-8} {plugin.name,-24} {plugin.version,-10} {plugin.path}");
            context.Output.WriteLine($"         {plugin.description}");
        }

        foreach (var error in errors)
        {
            context.Output.WriteLine($"error    {error.folder}: {error.message}");
        }

        return ExitCodes.Success;
    }
}
