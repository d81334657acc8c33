using System.Globalization;
using System.Text.RegularExpressions;
using LstmTerminal.Core.Generation;
using LstmTerminal.Interactive;
using LstmTerminal.Tests.Commands;
using LstmTerminal.Tests.Support;
using LstmTerminal.Views;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace LstmTerminal.Tests.Views;

public sealed class SuggestionStripTests(TrainedWorkspace trained, TrainedModelFixture tiny) : IClassFixture<TrainedWorkspace>, IClassFixture<TrainedModelFixture>
{
    [Fact]
    public async Task Strip_ShowsTheSameWordsAndProbabilities_AsSuggestJson()
    {
        // Given the console over the checkpoint that suggest reads, and suggest's answer for "thou art"
        var suggest = await CliRun.RunAsync(trained.Workspace.Args("suggest", "thou art", "--json"));
        Assert.Equal(0, suggest.ExitCode);
        var expected = suggest.Json.GetProperty("tokens").EnumerateArray()
            .Select(t => (t.GetProperty("token").GetString()!, SuggestionText.Percent(t.GetProperty("probability").GetDouble())))
            .ToList();
        using var ui = new Headless();
        var panel = Panel(new CheckpointModel(trained.Workspace.CheckpointDirectory));
        ui.ShowInWindow(panel);

        // When "thou art" is typed
        ui.Type("thou art");
        WaitForStrip(ui, panel, "thou art");

        // Then the strip under the prompt lists suggest's five tokens in its order, with its probabilities
        var stripLine = ui.Screen().Split('\n').Single(l => l.Contains("1 more "));
        var shown = Regex.Matches(stripLine, @"(\d) (\S+) [█▏▎▍▌▋▊▉]* (<?\d+%)")
            .Select(m => (m.Groups[2].Value, m.Groups[3].Value))
            .ToList();
        Assert.Equal(expected, shown);
        Assert.Equal(5, shown.Count);
    }

    [Fact]
    public void Tab_AcceptsTheFirstWord_AndTheStripFollowsTheNewText()
    {
        // Given the console over a trained model, with "to be or not" typed and its strip shown
        using var ui = new Headless();
        var panel = ShownWithStrip(ui, "to be or not");
        var first = panel.Console.Suggestions.Latest.Tokens[0].Label;

        // When Tab is pressed
        ui.Press(Key.Tab);

        // Then the first word is appended with a space, the focus stays, and the strip predicts after it
        Assert.Equal($"to be or not {first} ", panel.Input.Text);
        Assert.True(panel.Input.HasFocus);
        WaitForStrip(ui, panel, $"to be or not {first} ");
        Assert.Equal(new Completion(tiny.Model.TryCreateGenerator()!).Predict($"to be or not {first}", 1).Tokens[0].Label,
            panel.Console.Suggestions.Latest.Tokens[0].Label);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void AltNumber_AcceptsTheWordOfThatNumber(int number)
    {
        // Given the console with "thou art" typed and its strip shown
        using var ui = new Headless();
        var panel = ShownWithStrip(ui, "thou art");
        var word = panel.Console.Suggestions.Latest.Tokens[number - 1].Label;

        // When Alt+number is pressed
        ui.Press(new Key((KeyCode)('0' + number)).WithAlt);

        // Then that word is appended
        Assert.Equal($"thou art {word} ", panel.Input.Text);
    }

    [Fact]
    public void UnknownWords_AreMarkedUnderTheirPlaceInTheField()
    {
        // Given the console over a trained model
        using var ui = new Headless();

        // When a prime with a word the vocabulary lacks is typed
        var panel = ShownWithStrip(ui, "thou zyzzyva art");

        // Then the line under the field has marks exactly under that word
        var lines = ui.Screen().Split('\n');
        var field = Array.FindIndex(lines, l => l.Contains("prime> thou zyzzyva art"));
        var column = lines[field].IndexOf("zyzzyva", StringComparison.Ordinal);
        Assert.Equal(new string(SuggestionText.UnknownMark, "zyzzyva".Length), lines[field + 1].Substring(column, "zyzzyva".Length));
        Assert.Equal(1, lines[field + 1].Count(c => c == SuggestionText.UnknownMark) / "zyzzyva".Length);
    }

    [Fact]
    public void SuggestOff_EmptiesTheStrip_AndTypingPredictsNothing()
    {
        // Given the console with a strip shown
        using var ui = new Headless();
        var panel = ShownWithStrip(ui, "thou art");

        // When /suggest off is entered and more is typed
        panel.Input.Text = string.Empty;
        ui.Type("/suggest off");
        ui.Press(Key.Enter);
        ui.Type("thou art");
        ui.Tick();

        // Then the strip stays empty and Tab takes nothing
        Assert.Equal(Suggestions.None, panel.Console.Suggestions.Latest);
        Assert.Equal(string.Empty, panel.Strip.WordsLine);
        ui.Press(Key.Tab);
        Assert.Equal("thou art", panel.Input.Text);
    }

    /// <summary>Waits until the feed answered for <paramref name="text"/> and the UI thread showed it.</summary>
    internal static void WaitForStrip(Headless ui, ConsolePanel panel, string text) =>
        Eventually.True(() =>
        {
            ui.Tick(1);
            var latest = panel.Console.Suggestions.Latest;
            return latest.Text == text && panel.Strip.WordsLine == SuggestionText.Strip(latest, panel.Strip.Viewport.Width);
        }, $"the strip for '{text}'");

    /// <summary>The console over the tiny trained model, shown, with <paramref name="typed"/> typed and its strip drawn.</summary>
    private ConsolePanel ShownWithStrip(Headless ui, string typed)
    {
        var panel = Panel(tiny.Model);
        ui.ShowInWindow(panel);
        ui.Type(typed);
        WaitForStrip(ui, panel, typed);
        return panel;
    }

    internal static ConsolePanel Panel(IGeneratorSource model)
    {
        var transcript = new ConsoleTranscript();
        var console = new CompletionConsole(model, ShippedPlugins.Catalog, transcript, new SamplingSettings { Sampler = "greedy", Words = 5, Seed = 1 }, NullLogger.Instance);
        return new ConsolePanel(console, transcript, CancellationToken.None);
    }
}
