using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using LstmTerminal.Abstractions;

namespace LstmTerminal.Core.Plugins;

/// <summary>Creates a plugin through the constructors the contracts promise: (PluginContext), else parameterless.</summary>
internal static class PluginActivator
{
    public static bool TryCreate(Type type, PluginContext context, [NotNullWhen(true)] out object? instance, [NotNullWhen(false)] out string? error)
    {
        instance = null;
        var withContext = type.GetConstructor([typeof(PluginContext)]);
        var constructor = withContext ?? type.GetConstructor(Type.EmptyTypes);
        if (constructor is null)
        {
            error = $"{type.FullName} has no public constructor taking a PluginContext or nothing, so it cannot be created.";
            return false;
        }

        try
        {
            instance = constructor.Invoke(withContext is null ? [] : [context]);
            error = null;
            return true;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            error = $"The constructor of {type.FullName} threw {inner.GetType().Name}: {inner.Message}";
            return false;
        }
    }
}
