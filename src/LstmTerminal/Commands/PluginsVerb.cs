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
        var command = new Command("plugins", "List corpus, sampler and tokenizer plugins and any load errors.") { json };
        command.SetAction((parse, cancellationToken) =>
            runner.RunAsync(new Dictionary<string, string?>(), context => Task.FromResult(Run(context, parse.GetValue(json))), cancellationToken));
        return command;
    }

    private static int Run(VerbContext context, bool json)
    {
        var catalog = context.Services.GetRequiredService<PluginCatalog>();
        var plugins = Rows(catalog.CorpusProviders, p => p.Description)
            .Concat(Rows(catalog.Samplers, p => p.Description))
            .Concat(Rows(catalog.Tokenizers, p => p.Description))
            .ToList();
        var errors = catalog.Errors.Select(e => new { folder = e.Folder, message = e.Message }).ToList();
        if (json)
        {
            JsonOutput.Write(context.Output, new { plugins, errors });
            return ExitCodes.Success;
        }

        foreach (var plugin in plugins)
        {
            context.Output.WriteLine($"{plugin.Kind,-9} {plugin.Name,-24} {plugin.Version,-10} {plugin.Path}");
            context.Output.WriteLine($"          {plugin.Description}");
        }

        foreach (var error in errors)
        {
            context.Output.WriteLine($"error     {error.folder}: {error.message}");
        }

        return ExitCodes.Success;
    }

    private static IEnumerable<PluginRow> Rows<T>(IEnumerable<LoadedPlugin<T>> loaded, Func<T, string> description)
        where T : class =>
        loaded.Select(p => new PluginRow(p.Name, p.Kind, p.Version, p.Path, description(p.Plugin)));

    /// <summary>One plugin as printed; <c>--json</c> writes its properties in camelCase.</summary>
    private sealed record PluginRow(string Name, string Kind, string Version, string Path, string Description);
}
