namespace LstmTerminal.Tests.Commands;

public sealed class PluginsVerbTests
{
    [Fact]
    public async Task Plugins_Json_ListsTheShippedPluginsWithKindVersionAndPath()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync(workspace.Args("plugins", "--json"));

        Assert.Equal(0, run.ExitCode);
        var plugins = run.Json.GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["characters", "greedy", "gutenberg-shakespeare", "nucleus", "subwords", "temperature", "text-file", "top-k", "words"], plugins.Keys.Order());
        Assert.Equal("corpus", plugins["text-file"].GetProperty("kind").GetString());
        Assert.Equal("sampler", plugins["greedy"].GetProperty("kind").GetString());
        Assert.Equal("tokenizer", plugins["subwords"].GetProperty("kind").GetString());
        Assert.Contains("lossless", plugins["subwords"].GetProperty("description").GetString());
        Assert.Equal("1.0.0", plugins["greedy"].GetProperty("version").GetString());
        Assert.True(Directory.Exists(plugins["greedy"].GetProperty("path").GetString()));
        Assert.Empty(run.Json.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Plugins_ReportsAMissingPluginsFolder_WithoutFailing()
    {
        using var workspace = new TinyWorkspace();

        var run = await CliRun.RunAsync([.. workspace.Args("plugins", "--json"), "--Plugins:Directory=" + Path.Combine(workspace.Root, "none")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Json.GetProperty("plugins").EnumerateArray());
        Assert.Single(run.Json.GetProperty("errors").EnumerateArray());
    }
}
