using LstmTerminal.Core.Workflow;
using LstmTerminal.ViewState;
using LstmTerminal.Tests.Support;
using LstmTerminal.Views;
using LstmTerminal.Torch.Workflow;
using LstmTerminal.Torch.Training;
using Terminal.Gui.ViewBase;

namespace LstmTerminal.Tests.Views;

public sealed class TrainingPanelTests
{
    [Fact]
    public void Progress_events_show_epoch_step_losses_speed_and_fill_the_bars()
    {
        // Given a panel on a prepared corpus
        using var ui = new Headless();
        var state = new ScreenState();
        var panel = new TrainingPanel(state.Status);
        ui.ShowInWindow(panel);
        state.Report(new TrainerReady
        {
            CorpusTitle = "tiny", Words = 1_600, Tokenizer = "words", VocabularySize = 40, UnknownRate = 0.025, LossyTokenizer = false, StepsPerEpoch = 50, Epochs = 10, Step = 0, TotalSteps = 500,
            LossHistory = [], ValidationHistory = [],
        });
        state.Report(new PhaseChanged(SessionPhase.Training, PhaseReason.Training, Step: 0) { Corpus = "tiny" });

        // When steps and a validation are reported
        state.Report(new TrainerReported(new StepCompleted
        {
            Step = 25,
            TotalSteps = 500,
            Epoch = 1,
            Epochs = 10,
            StepInEpoch = 25,
            StepsPerEpoch = 50,
            Loss = 4.25,
            TokensPerSecond = 12_345,
            Elapsed = TimeSpan.FromSeconds(30),
            Eta = TimeSpan.FromMinutes(9),
        }));
        state.Report(new TrainerReported(new ValidationCompleted { Step = 25, Epoch = 1, Loss = 4.5, Perplexity = 90.0, BitsPerCharacter = 2.125 }));
        panel.Refresh();
        ui.Draw();

        // Then the panel says so
        var screen = ui.Screen();
        Assert.Contains("Corpus  tiny, 1,600 words", screen);
        Assert.Contains("Vocab   40 words, unknown 2.5 %", screen);
        Assert.Contains("State   training: from step 0", screen);
        Assert.Contains("Epoch   1 of 10, step 25 of 500", screen);
        Assert.Contains("Loss    4.250, smoothed 4.250", screen);
        Assert.Contains("Valid   loss 4.500, perplexity 90.0, bits/char 2.125", screen);
        Assert.Contains("Speed   12,345 tokens/s, elapsed 0:30, ETA 9:00", screen);
        var epochRow = screen.Split('\n').Single(l => l.Contains("epoch "));
        var runRow = screen.Split('\n').Single(l => l.Contains("run "));
        Assert.True(Filled(epochRow) > Filled(runRow) && Filled(runRow) > 0, $"epoch bar half full, run bar a twentieth:\n{epochRow}\n{runRow}");
    }

    [Fact]
    public void A_failure_shows_the_reason_and_a_download_shows_its_bytes()
    {
        using var ui = new Headless();
        var state = new ScreenState();
        var panel = new TrainingPanel(state.Status);
        ui.ShowInWindow(panel);

        state.Report(new PhaseChanged(SessionPhase.LoadingCorpus, PhaseReason.LoadingCorpus, Step: 0) { Corpus = "gutenberg-shakespeare" });
        state.Report(new CorpusLoading(new Abstractions.CorpusLoadProgress("downloading", 1_200_000, 5_500_000)));
        panel.Refresh();
        ui.Draw();
        Assert.Contains("State   loading corpus: downloading 1.2 of 5.5 MB", ui.Screen());

        state.Report(new PhaseChanged(SessionPhase.Failed, PhaseReason.CannotStart, Step: 0)
        {
            Error = new Abstractions.CorpusUnavailableException("No network. Check the connection or use Corpus:Provider=text-file."),
        });
        panel.Refresh();
        ui.Draw();
        Assert.Contains("State   FAILED: No network.", ui.Screen());
    }

    [Theory]
    [InlineData(160, "Valid   loss 6.140, perplexity 464.1, bits/char n/a (lossy tokenizer)")]
    [InlineData(80, "Valid   loss 6.140 ppl 464.1 bpc n/a")]
    public void Validation_row_says_a_lossy_tokenizer_has_no_bits_per_character_at_any_width(int screenWidth, string expected)
    {
        // Given a panel on a corpus whose tokenizer drops what the text holds, half a screen wide as the main window lays it out
        using var ui = new Headless(screenWidth);
        var state = new ScreenState();
        var panel = new TrainingPanel(state.Status);
        ui.ShowInWindow(panel);
        panel.Width = Dim.Percent(50);
        state.Report(new TrainerReady
        {
            CorpusTitle = "tiny", Words = 1_600, Tokenizer = "words", VocabularySize = 40, UnknownRate = 0.09, LossyTokenizer = true, StepsPerEpoch = 50, Epochs = 10, Step = 0, TotalSteps = 500,
            LossHistory = [], ValidationHistory = [],
        });

        // When a validation without bits per character is reported
        state.Report(new TrainerReported(new ValidationCompleted { Step = 50, Epoch = 1, Loss = 6.14, Perplexity = 464.1, BitsPerCharacter = null }));
        ui.Draw();
        panel.Refresh();
        ui.Draw();

        // Then the row says why there is no figure, in words that fit the panel
        Assert.Contains(expected, ui.Screen());
    }

    [Fact]
    public void CorpusAndVocabulary_CountTokens_AndNameTheLevel_BelowTheWordLevel()
    {
        // Given a panel on a corpus read at the character level
        using var ui = new Headless();
        var state = new ScreenState();
        var panel = new TrainingPanel(state.Status);
        ui.ShowInWindow(panel);

        // When the trainer is ready
        state.Report(new TrainerReady
        {
            CorpusTitle = "tiny", Words = 1_115_394, Tokenizer = "characters", VocabularySize = 66, UnknownRate = 0, LossyTokenizer = false, StepsPerEpoch = 50, Epochs = 10, Step = 0,
            TotalSteps = 500, LossHistory = [], ValidationHistory = [],
        });
        panel.Refresh();
        ui.Draw();

        // Then it counts tokens, not words, and says which ones
        var screen = ui.Screen();
        Assert.Contains("Corpus  tiny, 1,115,394 tokens", screen);
        Assert.Contains("Vocab   66 tokens (characters), unknown 0.0 %", screen);
    }

    private static int Filled(string row) => row.Count(ch => ch is not (' ' or '│' or '║') && !char.IsLetter(ch));
}
