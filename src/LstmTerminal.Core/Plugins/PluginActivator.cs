using System.Reflection;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Core.Plugins;

/// <summary>
/// Creates a plugin through the constructors the contracts promise, (PluginContext) else parameterless, and reads
/// its Name and Description under each contract it implements. All of that is plugin code (a module initializer
/// included), so it runs behind a <see cref="PluginDeadline"/>: a plugin that blocks is reported and left behind.
/// </summary>
internal static class PluginActivator
{
    public static IReadOnlyList<CreatedPlugin> Create(
        Type type, IReadOnlyList<PluginContract> contracts, PluginContext context, TimeSpan timeout, string folder, List<PluginLoadError> errors)
    {
        var withContext = type.GetConstructor([typeof(PluginContext)]);
        var constructor = withContext ?? type.GetConstructor(Type.EmptyTypes);
        if (constructor is null)
        {
            errors.Add(new PluginLoadError(folder, $"{type.FullName} has no public constructor taking a PluginContext or nothing, so it cannot be created."));
            return [];
        }

        object?[] arguments = withContext is null ? [] : [context];
        if (!PluginDeadline.TryRun(() => CreateAndAsk(type, constructor, arguments, contracts), timeout, $"plugin {type.Name}", out var outcome))
        {
            errors.Add(new PluginLoadError(folder,
                $"Creating {type.FullName} (its constructor, Name and Description) did not finish within {timeout.TotalSeconds:0.#} s, " +
                "so it was given up and the app went on without it; its thread is left behind until the app exits."));
            return [];
        }

        errors.AddRange(outcome.Errors.Select(message => new PluginLoadError(folder, message)));
        return outcome.Plugins;
    }

    private static (List<CreatedPlugin> Plugins, List<string> Errors) CreateAndAsk(
        Type type, ConstructorInfo constructor, object?[] arguments, IReadOnlyList<PluginContract> contracts)
    {
        object instance;
        try
        {
            instance = constructor.Invoke(arguments);
        }
        catch (Exception e)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            return ([], [$"The constructor of {type.FullName} threw {cause.GetType().Name}: {cause.Message}"]);
        }

        var plugins = new List<CreatedPlugin>();
        var errors = new List<string>();
        foreach (var contract in contracts)
        {
            var name = Ask(contract.Name, instance, "Name", errors);
            if (name is not null && string.IsNullOrWhiteSpace(name))
            {
                errors.Add($"{type.FullName} has an empty Name; give it a stable name.");
            }
            else if (name is not null && Ask(contract.Description, instance, "Description", errors) is { } description)
            {
                plugins.Add(new CreatedPlugin(instance, contract, name, description));
            }
        }

        return (plugins, errors);
    }

    private static string? Ask(Func<object, string> getter, object instance, string property, List<string> errors)
    {
        try
        {
            return getter(instance) ?? "";
        }
        catch (Exception e)
        {
            errors.Add($"The {property} of {instance.GetType().FullName} threw {e.GetType().Name}: {e.Message}");
            return null;
        }
    }
}
