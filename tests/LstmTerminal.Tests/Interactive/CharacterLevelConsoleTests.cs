using LstmTerminal.Core.Generation;
using LstmTerminal.Core.Writing;
using LstmTerminal.Testing;
using LstmTerminal.Interactive;
using LstmTerminal.Tests.Support;
using LstmTerminal.Tests.Views;
using Terminal.Gui.Input;

namespace LstmTerminal.Tests.Interactive;

/// <summary>The console at the character level: text as the corpus writes it, primes with line breaks, pieces on the strip.</summary>
public sealed class CharacterLevelConsoleTests
{
    [Fact]
    public async Task Completion_ShowsTheTextAsWritten_WithALineBreakStartingANewLine()
    {
        // Given the console over a character-level model of "KING:\nAy, me!"
        var (console, transcript) = Console();
        await console.Submit("/words 19", CancellationToken.None);

        // When "KING:" is completed
        await console.Submit("KING:", CancellationToken.None);

        // Then no space is put between characters, and the line break in the text starts a line of the transcript
        Assert.Equal(["> KING:", "  Ay, me!KING:", "  Ay, m"], transcript.Snapshot().TakeLast(3));
    }

    [Fact]
    public async Task Prime_WithBackslashN_IsReadWithALineBreak()
    {
        // Given
        var (console, transcript) = Console();
        await console.Submit("/words 6", CancellationToken.None);

        // When the prime holds \n as typed in the one-line field
        await console.Submit(@"KING:\nAy", CancellationToken.None);

        // Then the model read a line break there: it goes on after "Ay", not after an unknown character
        Assert.Equal(@"> KING:\nAy", transcript.Snapshot()[^2]);
        Assert.Equal("  , me!K", transcript.Snapshot()[^1]);
    }

    [Fact]
    public void Tab_AppendsThePiece_AndALineBreakAsBackslashN_AtTheCharacterLevel()
    {
        // Given the console panel over the character-level model with "KING" typed
        using var ui = new Headless();
        var panel = SuggestionStripTests.Panel(new CycleModel());
        ui.ShowInWindow(panel);
        ui.Type("KING");
        SuggestionStripTests.WaitForStrip(ui, panel, "KING");

        // When Tab is pressed, then again once the strip followed
        ui.Press(Key.Tab);
        var afterFirst = panel.Input.Text;
        SuggestionStripTests.WaitForStrip(ui, panel, "KING:");
        var strip = panel.Strip.WordsLine;
        ui.Press(Key.Tab);

        // Then the first appends ":" with no space, the strip shows the line break as a symbol, the second appends \n
        Assert.Equal("KING:", afterFirst);
        Assert.StartsWith($"1 {SuggestionText.VisibleLineBreak} ", strip);
        Assert.Equal(@"KING:\n", panel.Input.Text);
    }

    [Fact]
    public void UnknownCharacter_IsMarkedUnderItsPlaceInTheField_AtTheCharacterLevel()
    {
        // Given the console panel over the character-level model, whose corpus has no "€"
        using var ui = new Headless();
        var panel = SuggestionStripTests.Panel(new CycleModel());
        ui.ShowInWindow(panel);

        // When a line with that character inside it is typed
        ui.Type("KI€NG:");
        SuggestionStripTests.WaitForStrip(ui, panel, "KI€NG:");

        // Then the line under the field has one mark, under the "€"
        var lines = ui.Screen().Split('\n');
        var field = Array.FindIndex(lines, l => l.Contains("prime> KI€NG:"));
        Assert.Equal(SuggestionText.UnknownMark, lines[field + 1][lines[field].IndexOf('€')]);
        Assert.Equal(1, lines[field + 1].Count(c => c == SuggestionText.UnknownMark));
    }

    [Fact]
    public async Task KeptCompletion_KeepsItsLineBreaks_InTheManuscript_AndTheNextOneContinuesOnANewLine()
    {
        // Given the console at the character level with a manuscript beside the checkpoint
        using var folder = new TempDirectory();
        var (console, transcript) = Console(folder.Path);
        await console.Submit("/words 8", CancellationToken.None);

        // When a completion that crosses a line break is kept
        await console.Submit("KING:", CancellationToken.None, keep: true);

        // Then the manuscript holds it as written, line break included, after a restart too; and the next prime is
        // read after it on a line of its own
        Assert.Equal(["KING:\nAy, me!"], Manuscript.Open(folder.Path).Additions);
        Assert.Equal("KING:\nAy, me!\nKING:", console.SuggestionContext("KING:"));
    }

    /// <param name="manuscriptFolder">Where a manuscript is kept; none when null.</param>
    private static (CompletionConsole Console, ConsoleTranscript Transcript) Console(string? manuscriptFolder = null)
    {
        var transcript = new ConsoleTranscript();
        var log = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var console = new CompletionConsole(new CycleModel(), ShippedPlugins.Catalog, transcript, new SamplingSettings { Sampler = "greedy", Words = 5, Seed = 1 }, log)
        {
            Manuscript = manuscriptFolder is null ? null : new ManuscriptConsole(Manuscript.Open(manuscriptFolder), 50, transcript, log),
        };
        return (console, transcript);
    }
}
