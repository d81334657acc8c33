using System.Globalization;
using LstmTerminal.Abstractions;
using LstmTerminal.Core.Plugins;
using LstmTerminal.Plugins.Tests.Support;

namespace LstmTerminal.Plugins.Tests;

public sealed class PluginCatalogTests : IDisposable
{
    private const string Samplers = "LstmTerminal.Samplers";
    private const string ThrowingSampler = "LstmTerminal.TestPlugins.ThrowingSampler";
    private const string ForeignContractSampler = "LstmTerminal.TestPlugins.ForeignContractSampler";
    private const string LookAlikeSampler = "LstmTerminal.TestPlugins.LookAlikeSampler";
    private const string Tokenizers = "LstmTerminal.Tokenizers";
    private const string CodeUnitTokenizer = "LstmTerminal.TestPlugins.CodeUnitTokenizer";

    private readonly TempFolder _plugins = new();

    public void Dispose() => _plugins.Dispose();

    private PluginCatalog LoadTemp() => PluginCatalog.Load(_plugins.Path, PluginContext.Empty);

    [Fact]
    public void Samplers_AreHandedOutBehindATimeoutGuard()
    {
        var samplers = ShippedPlugins.Catalog.Samplers;

        Assert.NotEmpty(samplers);
        Assert.All(samplers, s => Assert.IsType<GuardedSampler>(s.Plugin));
    }

    [Fact]
    public void Load_FindsEveryShippedPlugin_When_ScanningTheBuildOutput()
    {
        // Given the plugins folder the build made, which also holds test plugins that are broken on purpose
        // When
        var catalog = PluginCatalog.Load(TestPaths.PluginsFolder, PluginContext.Empty);

        // Then
        Assert.Equal(
            ["gutenberg-shakespeare/corpus/1.0.0/LstmTerminal.Corpus.Gutenberg", "text-file/corpus/1.0.0/LstmTerminal.Corpus.TextFile"],
            catalog.CorpusProviders.Select(p => $"{p.Name}/{p.Kind}/{p.Version}/{Path.GetFileName(p.Path)}"));
        Assert.Equal(
            ["greedy", "nucleus", "temperature", "top-k"],
            catalog.Samplers.Select(p => p.Name));
        Assert.All(catalog.Samplers, p => Assert.Equal("sampler/1.0.0/LstmTerminal.Samplers", $"{p.Kind}/{p.Version}/{Path.GetFileName(p.Path)}"));
        Assert.Equal(
            ["characters/tokenizer/LstmTerminal.Tokenizers", "subwords/tokenizer/LstmTerminal.Tokenizers", "utf16-units/tokenizer/" + CodeUnitTokenizer, "words/tokenizer/LstmTerminal.Tokenizers"],
            catalog.Tokenizers.Select(p => $"{p.Name}/{p.Kind}/{Path.GetFileName(p.Path)}").Order(StringComparer.Ordinal));
        Assert.Equal(
            [ForeignContractSampler, LookAlikeSampler, ThrowingSampler],
            catalog.Errors.Select(e => Path.GetFileName(e.Folder)).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_RecordsOneError_When_ThePluginsFolderIsMissing()
    {
        // Given
        var missing = _plugins.Combine("nowhere");

        // When
        var catalog = PluginCatalog.Load(missing, PluginContext.Empty);

        // Then
        var error = Assert.Single(catalog.Errors);
        Assert.Equal(missing, error.Folder);
        Assert.Contains("does not exist", error.Message);
        Assert.Empty(catalog.CorpusProviders);
        Assert.Empty(catalog.Samplers);
    }

    [Theory]
    [InlineData("user")]
    [InlineData("app")]
    public void Load_ReportsAPluginsFolderThatIsAFile_AndLoadsTheOtherFoldersPlugins(string which)
    {
        // Given a file where one of the two plugins folders should be, and the samplers in the other
        var file = _plugins.Combine("plugins.txt");
        File.WriteAllText(file, "not a folder");
        _plugins.CopyPlugin(Samplers);
        var folder = _plugins.Path;
        var locations = which == "user" ? new PluginLocations(folder) { UserDirectory = file } : new PluginLocations(file) { UserDirectory = folder };

        // When the catalog loads
        var catalog = PluginCatalog.Load(locations, PluginContext.Empty);

        // Then the file is reported as a plugins folder that cannot be read, by its path, and the other folder's plugins load
        var error = Assert.Single(catalog.Errors);
        Assert.Equal(file, error.Folder);
        Assert.Equal(
            $"The plugins folder {file} cannot be read (it is a file, not a folder), so none of its plugins were loaded. " +
            "Make it a folder the app can read, or point the app at another one.",
            error.Message);
        Assert.Equal(["greedy", "nucleus", "temperature", "top-k"], catalog.Samplers.Select(s => s.Name));
    }

    [Theory]
    [InlineData("dangling", "it is a symbolic link to {0}, which does not exist")]
    [InlineData("loop", "it is a symbolic link that leads round in a loop")]
    public void Load_ReportsAUserPluginsFolderThatIsABrokenLink_AsALink(string kind, string reason)
    {
        // Given a user plugins folder that is a link to nothing, or to itself through a second link
        using var links = new TempFolder();
        var link = links.Combine("user-plugins");
        var target = kind == "dangling" ? links.Combine("gone") : links.Combine("other-link");
        File.CreateSymbolicLink(link, target);
        if (kind == "loop")
        {
            File.CreateSymbolicLink(target, link);
        }

        _plugins.CopyPlugin(Samplers);
        var locations = new PluginLocations(_plugins.Path) { UserDirectory = link };

        // When the catalog loads
        var catalog = PluginCatalog.Load(locations, PluginContext.Empty);

        // Then the link is named for what it is, and the app folder's plugins load
        var error = Assert.Single(catalog.Errors, e => e.Folder == link);
        Assert.Equal(
            $"The plugins folder {link} cannot be read ({string.Format(CultureInfo.InvariantCulture, reason, target)}), so none of its plugins were loaded. " +
            "Make it a folder the app can read, or point the app at another one.",
            error.Message);
        Assert.Contains("greedy", catalog.Samplers.Select(s => s.Name));
    }

    [Fact]
    public void Load_RecordsAnError_When_AFolderHasNoAssemblyNamedAfterIt()
    {
        // Given
        Directory.CreateDirectory(_plugins.Combine("Empty.Plugin"));
        File.WriteAllText(_plugins.Combine("Empty.Plugin", "readme.txt"), "no dll here");

        // When
        var error = Assert.Single(LoadTemp().Errors);

        // Then
        Assert.Contains("No Empty.Plugin.dll", error.Message);
    }

    [Fact]
    public void Load_RecordsAnError_When_TheDllIsNotADotNetAssembly()
    {
        // Given
        Directory.CreateDirectory(_plugins.Combine("Garbage"));
        File.WriteAllBytes(_plugins.Combine("Garbage", "Garbage.dll"), "MZ this is not a portable executable"u8.ToArray());

        // When
        var error = Assert.Single(LoadTemp().Errors);

        // Then
        Assert.Contains("Garbage.dll is not a .NET assembly", error.Message);
    }

    [Fact]
    public void Load_SaysTheAssemblyIsAFolder_When_AFolderHasItsName()
    {
        // Given a plugin folder whose "assembly" is a folder (it was reported as missing)
        Directory.CreateDirectory(_plugins.Combine("Odd", "Odd.dll"));

        // When
        var error = Assert.Single(LoadTemp().Errors);

        // Then
        Assert.Equal($"{_plugins.Combine("Odd", "Odd.dll")} is a folder, not an assembly; a plugin folder must hold an assembly named after the folder.", error.Message);
    }

    [Fact]
    public void Load_SaysTheDllIsTooLarge_InPlainWords_When_ItCannotBeReadIntoMemory()
    {
        // Given a 10 GB sparse file (it takes no disk space) where a plugin's assembly belongs
        Directory.CreateDirectory(_plugins.Combine("Huge"));
        using (var huge = File.Create(_plugins.Combine("Huge", "Huge.dll")))
        {
            huge.SetLength(10L << 30);
        }

        // When
        var error = Assert.Single(LoadTemp().Errors);

        // Then the runtime's exception type is not what the person reads
        Assert.Equal("Huge.dll could not be loaded: it is too large to be a plugin assembly; rebuild the plugin or remove the folder.", error.Message);
    }

    [Theory]
    [InlineData("LstmTerminal.TestPlugins.CodeUnitTokenizer.dll", "fifo", false)]
    [InlineData("LstmTerminal.TestPlugins.CodeUnitTokenizer.dll", "fifo", true)]
    [InlineData("LstmTerminal.TestPlugins.CodeUnitTokenizer.dll", "device", false)]
    [InlineData("LstmTerminal.TestPlugins.CodeUnitTokenizer.dll", "device", true)]
    [InlineData("LstmTerminal.TestPlugins.CodeUnitTokenizer.deps.json", "fifo", false)]
    [InlineData("runtimes/linux-x64/native/libnative.so", "fifo", false)]
    public async Task Load_RefusesAFifoOrADeviceInAPluginFolder_InsteadOfBlocking(string file, string kind, bool tokenizersOnly)
    {
        // Given the samplers, and a tokenizer plugin with a named pipe (opening it waited for a writer forever) or a link
        // to /dev/zero in place of its assembly or of the .deps.json the loader reads first
        _plugins.CopyPlugin(Samplers);
        var folder = _plugins.CopyPlugin(CodeUnitTokenizer);
        var special = Path.Combine(folder, file);
        Directory.CreateDirectory(Path.GetDirectoryName(special)!);
        File.Delete(special);
        if (kind == "fifo")
        {
            SpecialFiles.MakeFifo(special);
        }
        else
        {
            File.CreateSymbolicLink(special, SpecialFiles.ZeroDevice);
        }

        // When the catalog loads every kind, or only tokenizers (it then reads each assembly's metadata first)
        IReadOnlySet<string>? kinds = tokenizersOnly ? new HashSet<string> { PluginKinds.Tokenizer } : null;
        var catalog = await Bounded.RunAsync(() => PluginCatalog.Load(new PluginLocations(_plugins.Path), PluginContext.Empty, kinds));

        // Then that folder is refused at once, naming the file, and the other plugins load
        var error = Assert.Single(catalog.Errors);
        Assert.Equal(
            $"{special} is not a regular file (a FIFO, device or socket), so no plugin is loaded from {folder}; " +
            "replace it with the plugin's own file or remove the folder.",
            error.Message);
        Assert.Empty(catalog.Tokenizers);
        Assert.Equal(tokenizersOnly ? [] : ["greedy", "nucleus", "temperature", "top-k"], catalog.Samplers.Select(s => s.Name));
    }

    [Fact]
    public async Task Load_ReadsNoShippedList_When_AFifoIsInItsPlace()
    {
        // Given the samplers, and a named pipe where the build writes the list of shipped plugin folders
        _plugins.CopyPlugin(Samplers);
        SpecialFiles.MakeFifo(_plugins.Combine(ShippedPluginList.FileName));

        // When the catalog loads
        var catalog = await Bounded.RunAsync(LoadTemp);

        // Then it does not wait for a writer: the samplers load, as added rather than shipped ones
        Assert.Equal(["greedy", "nucleus", "temperature", "top-k"], catalog.Samplers.Select(s => s.Name));
        Assert.All(catalog.Samplers, s => Assert.Equal(PluginSource.Added, s.Source));
    }

    [Fact]
    public void Load_ReportsTheConstructorsMessage_When_APluginConstructorThrows()
    {
        // Given
        _plugins.CopyPlugin(ThrowingSampler);
        _plugins.CopyPlugin(Samplers);

        // When
        var catalog = LoadTemp();

        // Then the broken plugin is reported and the others still load
        var error = Assert.Single(catalog.Errors);
        Assert.Contains("InvalidOperationException: the test sampler refuses to start", error.Message);
        Assert.Equal(4, catalog.Samplers.Count);
    }

    [Fact]
    public void Load_NamesBothContractVersions_When_APluginIsBuiltAgainstOtherContracts()
    {
        // Given a plugin compiled against contracts 2.0 of another shape, shipping that contracts assembly
        _plugins.CopyPlugin(ForeignContractSampler);

        // When
        var catalog = LoadTemp();

        // Then
        var error = Assert.Single(catalog.Errors);
        Assert.Contains("built against a different LstmTerminal.Abstractions version 2.0.0.0; rebuild it against 1.0.0.0", error.Message);
        Assert.Empty(catalog.Samplers);
    }

    [Fact]
    public void Load_ReportsTheLookAlikeInterface_When_APluginCopiedTheContractSource()
    {
        // Given a plugin with its own LstmTerminal.Abstractions.ISampler compiled in
        _plugins.CopyPlugin(LookAlikeSampler);

        // When
        var catalog = LoadTemp();

        // Then
        var error = Assert.Single(catalog.Errors);
        Assert.Contains($"implements LstmTerminal.Abstractions.ISampler from {LookAlikeSampler} 1.0.0.0", error.Message);
        Assert.Contains("built against a different LstmTerminal.Abstractions", error.Message);
        Assert.Empty(catalog.Samplers);
    }

    [Fact]
    public void Load_KeepsTheFirstFolderAndReportsTheSecond_When_TwoPluginsShareAName()
    {
        // Given the samplers twice, the second copy under another folder and file name
        var first = _plugins.CopyPlugin(Samplers);
        var second = _plugins.CopyPlugin(Samplers, Samplers + ".Copy");

        // When
        var catalog = LoadTemp();

        // Then
        Assert.All(catalog.Samplers, s => Assert.Equal(first, s.Path));
        Assert.Equal(4, catalog.Errors.Count);
        Assert.All(catalog.Errors, e => Assert.Equal(second, e.Folder));
        Assert.Contains(catalog.Errors, e => e.Message.Contains("named 'greedy' is already loaded from " + first));
    }

    [Fact]
    public void GetSampler_ListsTheKnownNames_When_TheNameIsUnknown()
    {
        // Given
        _plugins.CopyPlugin(Samplers);
        var catalog = LoadTemp();

        // When
        var error = Assert.Throws<PluginNotFoundException>(() => catalog.GetSampler("mirostat"));

        // Then
        Assert.Contains("'mirostat'", error.Message);
        Assert.Contains("greedy, nucleus, temperature, top-k", error.Message);
        Assert.Equal("greedy", catalog.GetSampler("GREEDY").Name);
    }

    [Fact]
    public void GetTokenizer_ListsTheKnownNames_When_TheNameIsUnknown()
    {
        // Given
        _plugins.CopyPlugin(Tokenizers);
        var catalog = LoadTemp();

        // When
        var error = Assert.Throws<PluginNotFoundException>(() => catalog.GetTokenizer("sentences"));

        // Then
        Assert.StartsWith("There is no tokenizer named 'sentences'. Known tokenizers: ", error.Message);
        Assert.Contains("characters", error.Message);
        Assert.Equal("subwords", catalog.GetTokenizer("SUBWORDS").Name);
    }

    [Fact]
    public async Task AThirdPartyTokenizer_LoadsFromAPluginsFolder_AndRoundTripsText()
    {
        // Given a tokenizer plugin built elsewhere against the contracts, dropped into a plugins folder
        _plugins.CopyPlugin(CodeUnitTokenizer);
        var catalog = LoadTemp();

        // When
        var tokenizer = catalog.GetTokenizer("utf16-units");
        var vocabulary = await tokenizer.Plugin.LearnAsync("any corpus", null, CancellationToken.None);
        var encoded = vocabulary.Encode("Thou 👍🏽\r\n");

        // Then it is listed as a tokenizer and works through the host's contracts alone
        Assert.Empty(catalog.Errors);
        Assert.Equal(PluginKinds.Tokenizer, tokenizer.Kind);
        Assert.True(tokenizer.Plugin.IsLossless);
        Assert.Equal("Thou 👍🏽\r\n", vocabulary.Decode(encoded.Ids));
        Assert.Equal("Thou 👍🏽\r\n", TokenizerTexts.Streamed(vocabulary, encoded.Ids));
        Assert.Equal(encoded.Ids, tokenizer.Plugin.Load(vocabulary.Save()).Encode("Thou 👍🏽\r\n").Ids);
    }

    [Fact]
    public void LoadFolder_AddsTheNewPlugins_When_AFolderAppearsLater()
    {
        // Given a catalog of an empty folder
        var catalog = LoadTemp();
        var folder = _plugins.CopyPlugin(Samplers);

        // When
        var added = catalog.LoadFolder(folder);
        var again = catalog.LoadFolder(folder);

        // Then
        Assert.Equal(["greedy", "nucleus", "temperature", "top-k"], added.Samplers.Select(s => s.Name));
        Assert.Empty(again.Samplers);
        Assert.Empty(again.Errors);
        Assert.Equal(4, catalog.Samplers.Count);
    }

    [Fact]
    public void LoadFolder_ReportsTheTokenizersItAdded_SoTheAppCanAnnounceThem()
    {
        // Given
        var catalog = LoadTemp();
        var folder = _plugins.CopyPlugin(Tokenizers);

        // When
        var added = catalog.LoadFolder(folder);

        // Then
        Assert.Equal(["characters", "subwords", "words"], added.Tokenizers.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3, catalog.Tokenizers.Count);
    }

    [Fact]
    public void LoadFolder_TriesAgain_When_TheFolderFailedBeforeItsAssemblyLoaded()
    {
        // Given a folder still being copied: no dll yet
        var folder = _plugins.Combine(Samplers);
        Directory.CreateDirectory(folder);
        var catalog = LoadTemp();
        Assert.Single(catalog.Errors);

        // When the copy completes
        _plugins.CopyPlugin(Samplers);
        var added = catalog.LoadFolder(folder);

        // Then
        Assert.Equal(4, added.Samplers.Count);
        Assert.Empty(catalog.Errors);
    }
}
