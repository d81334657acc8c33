using System.Diagnostics;
using System.Reflection;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Checkpoints;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;

namespace LstmTerminal.Core.Plugins;

/// <summary>
/// Loads <c>&lt;folder&gt;/&lt;FolderName&gt;.dll</c> in its own load context that shares only the contracts and logging,
/// and creates every public plugin type in it. Every failure becomes a <see cref="PluginLoadError"/>.
/// </summary>
internal static class PluginFolderLoader
{
    private static readonly Type[] Contracts = [.. PluginContract.All.Select(c => c.Interface)];
    private static readonly Type[] SharedTypes = [.. Contracts, typeof(ILogger)];

    /// <summary>Where a plugin folder's assembly is: named after the folder.</summary>
    public static string AssemblyPath(string folder) => Path.Combine(folder, Path.GetFileName(folder) + ".dll");

    /// <param name="timeout">How long each plugin type's creation, Name and Description may take.</param>
    public static PluginFolderScan Load(string folder, PluginContext context, TimeSpan timeout)
    {
        var name = Path.GetFileName(folder);
        var assemblyPath = AssemblyPath(folder);
        if (!File.Exists(assemblyPath))
        {
            return PluginFolderScan.Failed(folder, WhyNoAssembly(folder, assemblyPath));
        }

        if (SpecialFileIn(folder) is { } special)
        {
            return PluginFolderScan.Failed(folder,
                $"{special} is not a regular file (a FIFO, device or socket), so no plugin is loaded from {folder}; " +
                "replace it with the plugin's own file or remove the folder.");
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
            return PluginFolderScan.Failed(folder, $"{name}.dll could not be loaded: {LoadFailure(e)}; rebuild the plugin or remove the folder.");
        }

        var errors = new List<PluginLoadError>();
        var plugins = new List<CreatedPlugin>();
        foreach (var type in LoadableTypes(assembly, folder, errors))
        {
            var contracts = ContractsOf(type, folder, errors);
            if (contracts.Count > 0)
            {
                plugins.AddRange(PluginActivator.Create(type, contracts, context, timeout, folder, errors));
            }
        }

        if (plugins.Count == 0 && errors.Count == 0)
        {
            errors.Add(new PluginLoadError(folder, $"{name}.dll has no public class implementing {string.Join(" or ", Contracts.Select(c => c.Name))}."));
        }

        return new PluginFolderScan(folder, true, VersionOf(assembly, assemblyPath), plugins, errors);
    }

    /// <summary>Why there is no assembly to load: a folder in its place, a folder the app may not read, or none there.</summary>
    private static string WhyNoAssembly(string folder, string assemblyPath)
    {
        if (Directory.Exists(assemblyPath))
        {
            return $"{assemblyPath} is a folder, not an assembly; a plugin folder must hold an assembly named after the folder.";
        }

        try
        {
            _ = Directory.EnumerateFileSystemEntries(folder).Any();
        }
        catch (UnauthorizedAccessException)
        {
            // Without the right to list it, the assembly looks absent: say what is really wrong.
            return $"The plugin folder {folder} cannot be read (permission denied), so its plugin was not loaded. " +
                "Make it a folder the app can read, or remove it.";
        }
        catch (IOException)
        {
            // Gone meanwhile: there is indeed no assembly.
        }

        return $"No {Path.GetFileName(folder)}.dll in {folder}: a plugin folder must hold an assembly named after the folder.";
    }

    /// <summary>Why the loader failed, in plain words: the runtime's own messages name its exception types.</summary>
    private static string LoadFailure(Exception e) => e is OutOfMemoryException
        ? "it is too large to be a plugin assembly"
        : e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');

    /// <summary>
    /// The first FIFO, device or socket among the folder's files and its subfolders' files, or null. Looked for before anything is opened: the
    /// loader opens the assembly, its .deps.json and .runtimeconfig.json and the dependencies beside it, and opening a
    /// FIFO waits for a writer forever, a device reads without end.
    /// </summary>
    private static string? SpecialFileIn(string folder)
    {
        try
        {
            // Subfolders too: native libraries (runtimes/<rid>/native) and satellite assemblies are opened from there.
            // The depth bound stops a symbolic link that loops back into the folder.
            return Directory.EnumerateFiles(folder, "*", new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = true, MaxRecursionDepth = 8 })
                .Order(StringComparer.Ordinal)
                .FirstOrDefault(NativeFiles.IsSpecialFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone or unreadable meanwhile: the loader reports what it then finds.
            return null;
        }
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
            // The host binds a plugin's contracts reference to its own version; a plugin built against contracts
            // of another shape then fails here, with "method has no implementation" and the like.
            var cause = e.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? e.Message;
            var built = assembly.GetReferencedAssemblies().FirstOrDefault(r => r.Name == HostContracts.Name)?.Version;
            var reason = built is not null && built != HostContracts.Version
                ? $"{assembly.GetName().Name} is built against a different {HostContracts.Name} version {built}; rebuild it against {HostContracts.Version}"
                : $"Some types of {assembly.GetName().Name} could not be loaded; rebuild it against {HostContracts.Name} {HostContracts.Version}";
            errors.Add(new PluginLoadError(folder, $"{reason}. ({cause})"));
            types = e.Types;
        }

        return types.OfType<Type>().Where(t => t.IsPublic && t.IsClass && !t.IsAbstract);
    }

    /// <summary>
    /// The host's contracts the type implements. A plugin that compiled its own copy of a contract
    /// interface loads fine but implements a look-alike the host cannot call; that is reported by name.
    /// </summary>
    private static List<PluginContract> ContractsOf(Type type, string folder, List<PluginLoadError> errors)
    {
        var interfaces = type.GetInterfaces();
        foreach (var lookAlike in interfaces.Where(i => !Contracts.Contains(i) && Contracts.Any(c => c.FullName == i.FullName)))
        {
            var source = lookAlike.Assembly.GetName();
            errors.Add(new PluginLoadError(folder,
                $"{type.FullName} implements {lookAlike.FullName} from {source.Name} {source.Version}, not from the host's " +
                $"{HostContracts.Name} {HostContracts.Version}: it is built against a different {HostContracts.Name}; " +
                $"rebuild it against {HostContracts.Version}, referencing the contracts package instead of copying them."));
        }

        return PluginContract.All.Where(c => interfaces.Contains(c.Interface)).ToList();
    }

    private static AssemblyName HostContracts => typeof(ICorpusProvider).Assembly.GetName();

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
