using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace LstmTerminal.Core.Tests.Support;

/// <summary>
/// A metadata-only assembly made in the test: one public class whose base class comes from a referenced assembly of any
/// name and signing key. No project can build one against an assembly that does not exist, such as a plugin's own
/// <c>System.Something.dll</c>.
/// </summary>
internal static class BaseClassAssembly
{
    /// <param name="publicKeyToken">The referenced assembly's key token in hex; empty for an unsigned one.</param>
    /// <returns>The path of the assembly written.</returns>
    public static string Write(string directory, string baseAssembly, string publicKeyToken)
    {
        var metadata = new MetadataBuilder();
        metadata.AddModule(0, metadata.GetOrAddString("Derived.Plugin.dll"), metadata.GetOrAddGuid(Guid.NewGuid()), default, default);
        metadata.AddAssembly(metadata.GetOrAddString("Derived.Plugin"), new Version(1, 0, 0, 0), default, default, default, AssemblyHashAlgorithm.Sha1);
        var reference = metadata.AddAssemblyReference(
            metadata.GetOrAddString(baseAssembly), new Version(1, 0, 0, 0), default, metadata.GetOrAddBlob(Convert.FromHexString(publicKeyToken)), default, default);
        var baseClass = metadata.AddTypeReference(reference, metadata.GetOrAddString(baseAssembly), metadata.GetOrAddString("Base"));
        var noFields = MetadataTokens.FieldDefinitionHandle(1);
        var noMethods = MetadataTokens.MethodDefinitionHandle(1);
        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default, noFields, noMethods);
        metadata.AddTypeDefinition(
            TypeAttributes.Public | TypeAttributes.Class, metadata.GetOrAddString("Derived.Plugin"), metadata.GetOrAddString("Derived"), baseClass, noFields, noMethods);

        var image = new BlobBuilder();
        new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), new BlobBuilder()).Serialize(image);
        var path = Path.Combine(directory, "Derived.Plugin.dll");
        File.WriteAllBytes(path, image.ToArray());
        return path;
    }
}
