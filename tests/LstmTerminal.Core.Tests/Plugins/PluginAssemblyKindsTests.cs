using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Core.Tests.Support;

namespace LstmTerminal.Core.Tests.Plugins;

/// <summary>
/// What a plugin folder holds, read from its assembly's metadata before anything of it is loaded: enough for a verb that
/// needs only some kinds of plugin to leave the others unloaded, and never an answer that would skip a plugin it needs.
/// </summary>
public sealed class PluginAssemblyKindsTests
{
    [Theory]
    [InlineData("LstmTerminal.Samplers", PluginKinds.Sampler)]
    [InlineData("LstmTerminal.Tokenizers", PluginKinds.Tokenizer)]
    public void Read_NamesTheKindsOfAShippedPlugin(string folder, string kind)
    {
        // Given a shipped plugin's assembly, as the build put it in the plugins folder
        var assembly = Path.Combine(BuiltPlugins.Shipped, folder, folder + ".dll");

        // When its kinds are read
        var kinds = PluginAssemblyKinds.Read(assembly);

        // Then they are exactly the contracts its classes implement
        Assert.Equal([kind], kinds);
    }

    [Fact]
    public void Read_CannotTell_WhenAPublicClassDerivesFromAClassOfAnotherLibrary()
    {
        // Given an assembly with a public class whose base class lives in another, non-framework assembly
        // (ThroughABaseClass below: such a base class may implement a contract the metadata here does not show)
        var assembly = typeof(ThroughABaseClass).Assembly.Location;

        // When its kinds are read
        var kinds = PluginAssemblyKinds.Read(assembly);

        // Then there is no answer, so a catalog loads the folder rather than risk skipping a plugin
        Assert.Null(kinds);
    }

    [Theory]
    [InlineData("System.Something", "")]
    [InlineData("System.Runtime", "")]
    [InlineData("System.Something", "0123456789abcdef")]
    public void Read_CannotTell_WhenABaseClassComesFromASystemNamedAssemblyMicrosoftDidNotSign(string baseAssembly, string publicKeyToken)
    {
        // Given a public class whose base class comes from an assembly named like the framework's but not signed with a
        // Microsoft key: a plugin's own System.Something.dll, whose base class may implement a contract
        using var temp = new TempDirectory();
        var assembly = BaseClassAssembly.Write(temp.Path, baseAssembly, publicKeyToken);

        // When its kinds are read
        var kinds = PluginAssemblyKinds.Read(assembly);

        // Then there is no answer, so a catalog loads the folder rather than risk skipping a plugin
        Assert.Null(kinds);
    }

    [Theory]
    [InlineData("System.Runtime", "b03f5f7f11d50a3a")]
    [InlineData("mscorlib", "b77a5c561934e089")]
    [InlineData("Microsoft.Extensions.Logging.Abstractions", "adb9793829ddae60")]
    public void Read_FindsNoKind_WhenTheOnlyBaseClassComesFromAnAssemblyMicrosoftSigned(string baseAssembly, string publicKeyToken)
    {
        // Given a public class whose base class comes from an assembly signed with a Microsoft key, which cannot
        // implement the app's contracts
        using var temp = new TempDirectory();
        var assembly = BaseClassAssembly.Write(temp.Path, baseAssembly, publicKeyToken);

        // When its kinds are read
        var kinds = PluginAssemblyKinds.Read(assembly);

        // Then the answer is sure: no kind of plugin
        Assert.NotNull(kinds);
        Assert.Empty(kinds);
    }

    [Fact]
    public void Read_CannotTell_WhenTheFileIsMissingOrNoAssembly()
    {
        // Given a missing file and a file that is no assembly
        using var temp = new TempDirectory();
        var text = temp.Combine("Not.Plugin.dll");
        File.WriteAllText(text, "not an assembly");

        // When their kinds are read
        // Then there is no answer: the catalog loads the folder and reports what is wrong with it, as before
        Assert.Null(PluginAssemblyKinds.Read(temp.Combine("Missing.dll")));
        Assert.Null(PluginAssemblyKinds.Read(text));
    }

    [Fact]
    public void Read_CannotTell_WhenTheFileIsLargerThanAnAssemblyCanBe()
    {
        // Given a file over 2 GB in a plugin folder (sparse, so it costs no disk): PEReader refuses such a stream with
        // an ArgumentException, which reached generate as an unexpected failure
        using var temp = new TempDirectory();
        var huge = temp.Combine("Huge.dll");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(3L * 1024 * 1024 * 1024);
        }

        // When its kinds are read
        var kinds = PluginAssemblyKinds.Read(huge);

        // Then there is no answer, and the catalog's loader reports the folder as it does any file that is no assembly
        Assert.Null(kinds);
    }

    [Fact]
    public void Load_LeavesFoldersOfOtherKindsUnloaded_When_OnlySomeKindsAreWanted()
    {
        // Given the shipped samplers and tokenizers, and a sampler that answers out of range
        using var temp = new TempDirectory();
        var plugins = HostilePlugins.Folder(temp.Path, HostilePlugins.OutOfRange);

        // When only tokenizers are wanted
        var catalog = PluginCatalog.Load(new PluginLocations(plugins), PluginContext.Empty, new HashSet<string> { PluginKinds.Tokenizer });

        // Then the tokenizers are there, and no sampler folder was loaded: none of their code ran
        Assert.Equal(["characters", "subwords", "words"], catalog.Tokenizers.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Empty(catalog.Samplers);
        Assert.Empty(catalog.Errors);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => !a.IsDynamic && a.Location.StartsWith(Path.Combine(plugins, "LstmTerminal."), StringComparison.Ordinal)
            && !a.Location.Contains("Tokenizers", StringComparison.Ordinal));
    }
}

/// <summary>A public class whose base class (xunit's) comes from another library than its own and the framework.</summary>
public sealed class ThroughABaseClass : FactAttribute;
