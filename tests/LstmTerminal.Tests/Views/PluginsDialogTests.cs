using LstmTerminal.Core.Generation;
using LstmTerminal.Interactive;
using LstmTerminal.Tests.Support;
using LstmTerminal.Views;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Gui.Input;

namespace LstmTerminal.Tests.Views;

public sealed class PluginsDialogTests
{
    [Fact]
    public void It_lists_every_plugin_with_its_version_and_Enter_on_a_sampler_makes_it_active()
    {
        // Given the temperature sampler is active
        using var ui = new Headless();
        var transcript = new ConsoleTranscript();
        var console = new CompletionConsole(new TinyModel(steps: 0), ShippedPlugins.Catalog, transcript, new SamplingSettings { Sampler = "temperature", Temperature = 0.8, Words = 5, Seed = null }, NullLogger.Instance);
        var dialog = new PluginsDialog(ShippedPlugins.Catalog, console, wrapWidth: 100);
        ui.Show(dialog);

        // Then every shipped plugin shows, with a version, and the active sampler is marked
        var screen = ui.Screen();
        Assert.Contains("corpus    gutenberg-shakespeare", screen);
        Assert.Contains("corpus    text-file", screen);
        Assert.Contains("sampler   greedy", screen);
        Assert.Matches(@"sampler   temperature \S*\d\S* \(active\)", screen);
        Assert.Contains("tokenizer characters", screen);
        Assert.Contains("tokenizer subwords", screen);

        // When Enter is pressed on the first sampler row (selected on opening)
        ui.Press(Key.Enter);

        // Then that sampler is active and the dialog closes
        Assert.Equal("greedy", console.Settings.Sampler);
        Assert.True(dialog.StopRequested);
    }

    [Fact]
    public void It_shows_where_each_plugin_came_from_and_a_plugins_escape_sequences_as_harmless_pictures()
    {
        // Given a plugin whose Description carries escape sequences, in the app's plugins folder beside the shipped ones
        using var temp = new TempDirectory();
        var catalog = HostilePlugins.Catalog(temp.Path, HostilePlugins.WritesStdout);
        using var ui = new Headless();
        var console = new CompletionConsole(new TinyModel(steps: 0), catalog, new ConsoleTranscript(), new SamplingSettings { Sampler = "greedy", Temperature = 0.8, Words = 5, Seed = null }, NullLogger.Instance);

        // When the dialog lists it
        ui.Show(new PluginsDialog(catalog, console, wrapWidth: 150));

        // Then each row names its source, and the sequences show as pictures (Terminal.Gui draws control characters so)
        var screen = ui.Screen();
        Assert.Matches(@"sampler   greedy \S+ \(active\) \[shipped\]", screen);
        Assert.Matches(@"sampler   writes-stdout \S+ \[added\]: ␛\[2J␛\]0;owned", screen);
        Assert.DoesNotContain('\u001b', screen);
    }
}
