using System.Diagnostics;
using System.Reflection;
using LstmTerminal.Abstractions;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Core.Plugins;

/// <summary>
/// Loads <c>&lt;folder&gt;/&lt;FolderName&gt;.dll</c> in its own load context that shares only the contracts and logging,
/// and creates every public plugin type in it. Every failure becomes a <see cref="PluginLoadError"/>.
/// </summary>
internal static class PluginFolderLoader
{
    private static readonly Type[] Contracts = [typeof(ICorpusProvider), typeof(ISampler)];
    private static readonly Type[] SharedTypes = [.. Contracts, typeof(ILogger)];

    public static PluginFolderScan Load(string folder, PluginContext context)
    {
        var name = Path.GetFileName(folder);
        var assemblyPath = Path.Combine(folder, name + ".dll");
        if (!File.Exists(assemblyPath))
        {
            return PluginFolderScan.Failed(folder, $"No {name}.dll in {folder}: a plugin folder must hold an assembly named after the folder.");
        }

        Assembly assembly;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, isUnloadable: false, SharedTypes, c => c.PreferSharedTypes = true);
            assembly = loader.LoadDefaultAssembly();
        }
        catch (BadImageFormatException)
        {
            return PluginFolderScan.Failed(folder, $"{name}.dll is not a .NET assembly; rebuild the plugin or remove the folder.");
        }
        catch (Exception e)
        {
            return PluginFolderScan.Failed(folder, $"{name}.dll could not be loaded ({e.GetType().Name}: {e.Message}).");
        }

        var errors = new List<PluginLoadError>();
        var instances = new List<object>();
        foreach (var type in LoadableTypes(assembly, folder, errors))
        {
            if (!ImplementsContracts(type, folder, errors))
            {
                continue;
            }

            if (PluginActivator.TryCreate(type, context, out var instance, out var error))
            {
                instances.Add(instance);
            }
            else
            {
                errors.Add(new PluginLoadError(folder, error));
            }
        }

        if (instances.Count == 0 && errors.Count == 0)
        {
            errors.Add(new PluginLoadError(folder, $"{name}.dll has no public class implementing ICorpusProvider or ISampler."));
        }

        return new PluginFolderScan(folder, true, VersionOf(assembly, assemblyPath), instances, errors);
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly, string folder, List<PluginLoadError> errors)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var cause = e.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? e.Message;
            errors.Add(new PluginLoadError(folder,
                $"Some types of {assembly.GetName().Name} could not be loaded ({cause}); it may be built against a different " +
                $"LstmTerminal.Abstractions version than {HostContractsVersion}. Rebuild it against that version."));
            types = e.Types;
        }

        return types.OfType<Type>().Where(t => t.IsPublic && t.IsClass && !t.IsAbstract);
    }

    /// <summary>
    /// True when the type implements the host's contracts. A plugin that carries its own contracts assembly loads
    /// fine but implements look-alike interfaces the host cannot call; those are reported by name.
    /// </summary>
    private static bool ImplementsContracts(Type type, string folder, List<PluginLoadError> errors)
    {
        var interfaces = type.GetInterfaces();
        foreach (var foreign in interfaces.Where(i => !Contracts.Contains(i) && Contracts.Any(c => c.FullName == i.FullName)))
        {
            errors.Add(new PluginLoadError(folder,
                $"{type.FullName} implements {foreign.FullName} built against a different LstmTerminal.Abstractions version " +
                $"{foreign.Assembly.GetName().Version}; rebuild it against {HostContractsVersion}."));
        }

        return interfaces.Any(Contracts.Contains);
    }

    private static Version? HostContractsVersion => typeof(ICorpusProvider).Assembly.GetName().Version;

    private static string VersionOf(Assembly assembly, string assemblyPath)
    {
        // The SDK appends "+<commit>" to the informational version; users compare the release number.
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0]
               ?? FileVersionInfo.GetVersionInfo(assemblyPath).FileVersion
               ?? assembly.GetName().Version?.ToString()
               ?? "unknown";
    }
}
