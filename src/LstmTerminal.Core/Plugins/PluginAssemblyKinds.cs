using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using LstmTerminal.Core.Checkpoints;

namespace LstmTerminal.Core.Plugins;

/// <summary>
/// The plugin kinds a plugin assembly's public classes implement, read from its metadata without loading it, so that a
/// verb that needs only some kinds (<c>generate</c>: a tokenizer and samplers) neither loads nor runs the other plugins.
/// When the metadata cannot tell, the answer is null and the folder is loaded as always: a class whose base class comes
/// from another non-framework assembly may implement a contract through it.
/// </summary>
internal static class PluginAssemblyKinds
{
    /// <summary>
    /// Microsoft's public key tokens: the ECMA key (mscorlib, System), .NET's, netstandard's, System.Private.CoreLib's, and
    /// the two of its libraries (Microsoft.Extensions and ASP.NET Core; System.CommandLine and others).
    /// </summary>
    private static readonly string[] MicrosoftKeyTokens =
        ["b77a5c561934e089", "b03f5f7f11d50a3a", "cc7b13ffcd2ddd51", "7cec85d7bea7798e", "31bf3856ad364e35", "adb9793829ddae60"];

    /// <summary>
    /// Null when the file is missing, not a regular file (never opened: a FIFO would block) or no assembly, or a class's
    /// base class lies outside it and the framework.
    /// </summary>
    public static IReadOnlySet<string>? Read(string assemblyPath)
    {
        if (!NativeFiles.IsRegularFile(assemblyPath))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var image = new PEReader(stream);
            return image.HasMetadata ? Read(image.GetMetadataReader()) : null;
        }
        // PEReader refuses a stream over 2 GB with an ArgumentException: no assembly either.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static HashSet<string>? Read(MetadataReader metadata)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (IsCreatable(type) && !AddKinds(metadata, type, kinds))
            {
                return null;
            }
        }

        return kinds;
    }

    /// <summary>What the loader creates (<c>PluginFolderLoader</c>): public, top-level, non-abstract classes.</summary>
    private static bool IsCreatable(TypeDefinition type) =>
        (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public
        && (type.Attributes & (TypeAttributes.Interface | TypeAttributes.Abstract)) == 0;

    /// <summary>Adds the kinds of the class and its base classes; false when a base class lies outside the assembly and the framework.</summary>
    private static bool AddKinds(MetadataReader metadata, TypeDefinition type, HashSet<string> kinds)
    {
        while (true)
        {
            foreach (var implementation in type.GetInterfaceImplementations())
            {
                AddKind(metadata, metadata.GetInterfaceImplementation(implementation).Interface, kinds);
            }

            var baseType = type.BaseType;
            switch (baseType.Kind)
            {
                case HandleKind.TypeDefinition:
                    type = metadata.GetTypeDefinition((TypeDefinitionHandle)baseType);
                    break;
                case HandleKind.TypeReference when IsFramework(metadata, metadata.GetTypeReference((TypeReferenceHandle)baseType)):
                    return true;
                default:
                    return baseType.IsNil;
            }
        }
    }

    /// <summary>
    /// An interface named like a contract counts wherever it is defined (a look-alike is then loaded, and reported by the
    /// loader); an interface of the assembly's own also counts by the interfaces it extends.
    /// </summary>
    private static void AddKind(MetadataReader metadata, EntityHandle handle, HashSet<string> kinds)
    {
        if (handle.Kind == HandleKind.TypeReference)
        {
            var reference = metadata.GetTypeReference((TypeReferenceHandle)handle);
            AddIfContract(metadata, reference.Namespace, reference.Name, kinds);
        }
        else if (handle.Kind == HandleKind.TypeDefinition)
        {
            var definition = metadata.GetTypeDefinition((TypeDefinitionHandle)handle);
            AddIfContract(metadata, definition.Namespace, definition.Name, kinds);
            foreach (var inherited in definition.GetInterfaceImplementations())
            {
                AddKind(metadata, metadata.GetInterfaceImplementation(inherited).Interface, kinds);
            }
        }
    }

    private static void AddIfContract(MetadataReader metadata, StringHandle @namespace, StringHandle name, HashSet<string> kinds)
    {
        if (PluginContract.All.FirstOrDefault(c =>
                metadata.StringComparer.Equals(@namespace, c.Interface.Namespace!) && metadata.StringComparer.Equals(name, c.Interface.Name)) is { } contract)
        {
            kinds.Add(contract.Kind);
        }
    }

    /// <summary>A type of an assembly Microsoft signed (the runtime's, its extensions'), which cannot implement the app's contracts.</summary>
    private static bool IsFramework(MetadataReader metadata, TypeReference reference)
    {
        if (reference.ResolutionScope.Kind != HandleKind.AssemblyReference)
        {
            return false;
        }

        // By signing key, not by name (a plugin may ship its own System.Foo.dll) nor by the host's trusted assemblies
        // (they hold the app's own dependencies too, and differ between the app and a test host).
        var token = metadata.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).GetAssemblyName().GetPublicKeyToken();
        return token is { Length: > 0 } && MicrosoftKeyTokens.Contains(Convert.ToHexStringLower(token));
    }
}
