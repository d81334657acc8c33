using LstmTerminal.Core.Generation;
using LstmTerminal.Interactive;
using LstmTerminal.Tests.Support;
using LstmTerminal.Views;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Gui.Input;

namespace LstmTerminal.Tests.Views;

public sealed class ConsolePanelTests(TrainedModelFixture trained) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void Typing_a_prime_and_Enter_shows_the_prime_then_its_continuation()
    {
        // Given the console over a trained tiny model
        using var ui = new Headless();
        var (panel, transcript) = Console(trained.Model);
        ui.ShowInWindow(panel);

        // When a prime is typed and Enter pressed
        ui.Type("thou art more");
        ui.Press(Key.Enter);
        Eventually.True(() => transcript.Snapshot().Count >= 2 && transcript.Snapshot()[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 5, "five words");
        panel.Refresh();
        ui.Draw();

        // Then the transcript shows "> prime" and, below it, five words of the corpus
        var screen = ui.Screen();
        Assert.Contains("> thou art more", screen);
        var words = transcript.Snapshot()[^1].Trim().Split(' ');
        Assert.Equal(5, words.Length);
        Assert.Contains(transcript.Snapshot()[^1], screen);
        Assert.Equal(string.Empty, panel.Input.Text);
    }

    [Fact]
    public void An_unknown_word_is_named_and_the_completion_still_runs()
    {
        using var ui = new Headless();
        var (panel, transcript) = Console(trained.Model);
        ui.ShowInWindow(panel);

        ui.Type("thou art zyzzyva");
        ui.Press(Key.Enter);
        Eventually.True(() => transcript.Snapshot().Count >= 3 && transcript.Snapshot()[^1].Trim().Split(' ').Length == 5, "the continuation");
        panel.Refresh();
        ui.Draw();

        Assert.Contains("not in the vocabulary, read as <unk>: zyzzyva", ui.Screen());
    }

    [Fact]
    public void Sampler_and_temperature_commands_change_the_settings_shown_in_the_title()
    {
        using var ui = new Headless();
        var (panel, _) = Console(trained.Model);
        ui.ShowInWindow(panel);

        ui.Type("/sampler greedy");
        ui.Press(Key.Enter);
        ui.Type("/temperature 1.5");
        ui.Press(Key.Enter);
        ui.Draw();

        var screen = ui.Screen();
        Assert.Contains("Console: sampler greedy, temperature 1.5", screen);
        Assert.Contains("· sampler: greedy", screen);
        Assert.Contains("· temperature: 1.5", screen);
    }

    [Fact]
    public void Up_and_Down_recall_earlier_inputs()
    {
        using var ui = new Headless();
        var (panel, _) = Console(trained.Model);
        ui.ShowInWindow(panel);
        ui.Type("/words 3");
        ui.Press(Key.Enter);
        ui.Type("/seed 4");
        ui.Press(Key.Enter);

        ui.Press(Key.CursorUp);
        ui.Press(Key.CursorUp);
        Assert.Equal("/words 3", panel.Input.Text);
        ui.Press(Key.CursorDown);
        Assert.Equal("/seed 4", panel.Input.Text);
        ui.Press(Key.CursorDown);
        Assert.Equal(string.Empty, panel.Input.Text);
    }

    private static (ConsolePanel Panel, ConsoleTranscript Transcript) Console(TinyModel model)
    {
        var transcript = new ConsoleTranscript();
        var console = new CompletionConsole(model, ShippedPlugins.Catalog, transcript, new SamplingSettings { Sampler = "greedy", Temperature = 0.8, Words = 5, Seed = 1 }, NullLogger.Instance);
        return (new ConsolePanel(console, transcript, CancellationToken.None), transcript);
    }
}
