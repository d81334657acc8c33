using LstmTerminal.Wording;
using System.Globalization;
using LstmTerminal.ViewState;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using LstmTerminal.Torch.Workflow;

namespace LstmTerminal.Views;

/// <summary>Corpus, vocabulary, state, epoch and run progress, losses, speed and time of the training run.</summary>
public sealed class TrainingPanel : FrameView
{
    private readonly TrainingStatus _status;
    private readonly Label _corpus = Line(0);
    private readonly Label _vocabulary = Line(1);
    private readonly Label _state = Line(2, height: 2);
    private readonly Label _epoch = Line(4);
    private readonly ProgressBar _epochBar = Bar(5);
    private readonly ProgressBar _runBar = Bar(6);
    private readonly Label _loss = Line(7);
    private readonly Label _validation = Line(8);
    private readonly Label _speed = Line(9);
    private long _shown = -1;
    private int _shownWidth;

    public TrainingPanel(TrainingStatus status)
    {
        _status = status;
        Title = "Training";
        Add(_corpus, _vocabulary, _state, _epoch, new Label { Text = "epoch", Y = 5 }, _epochBar, new Label { Text = "run", Y = 6 }, _runBar, _loss, _validation, _speed);
    }

    /// <summary>Rows of content the panel needs, for the window's layout.</summary>
    public static int ContentHeight => 10;

    /// <summary>Shows the latest status if it changed; called by the UI timer.</summary>
    public void Refresh()
    {
        var s = _status.Snapshot();
        if (s.Version == _shown && Viewport.Width == _shownWidth)
        {
            return;
        }

        _shown = s.Version;
        _shownWidth = Viewport.Width;
        var c = CultureInfo.InvariantCulture;
        _corpus.Text = s.Corpus is null ? "Corpus  (not loaded yet)" : $"Corpus  {s.Corpus}, {CorpusWording.Tokens(s.Words, s.Tokenizer)}";
        _vocabulary.Text = s.Corpus is null ? "Vocab   -" : string.Create(c, $"Vocab   {CorpusWording.Vocabulary(s.VocabularySize, s.Tokenizer)}, unknown {s.UnknownRate:P1}");
        _state.Text = string.Join('\n', TextWrap.Wrap($"State   {Describe(s.Phase)}: {s.Loading ?? s.Detail}", Math.Max(20, Viewport.Width), "        ").Take(2));
        _epoch.Text = string.Create(c, $"Epoch   {s.Epoch} of {s.Epochs}, step {s.Step:N0} of {s.TotalSteps:N0}{(s.SavedStep is { } saved ? $", saved at {saved:N0}" : "")}");
        _epochBar.Fraction = s.Windows == 0 ? 0 : (float)s.Window / s.Windows;
        _runBar.Fraction = s.TotalSteps == 0 ? 0 : (float)Math.Min(1.0, (double)s.Step / s.TotalSteps);
        _loss.Text = string.Create(c, $"Loss    {Number(s.Loss, "F3")}, smoothed {Number(s.SmoothedLoss, "F3")}");
        _validation.Text = ValidationRow(s, Viewport.Width);
        _speed.Text = string.Create(c, $"Speed   {s.TokensPerSecond:N0} tokens/s, elapsed {Clock(s.Elapsed)}, ETA {(s.Phase == SessionPhase.Training ? Clock(s.Eta) : "-")}");
    }

    /// <summary>Loss, perplexity and bits per character; in short words when the panel is too narrow for the long ones (an 80-column screen).</summary>
    private static string ValidationRow(TrainingStatusSnapshot s, int width)
    {
        var loss = Number(s.ValidationLoss, "F3");
        var perplexity = s.Perplexity is { } value ? PerplexityText.Format(value) : "-";
        var bits = BitsPerCharacterText.Format(s.ValidationBitsPerCharacter, s.LossyTokenizer);
        var full = $"Valid   loss {loss}, perplexity {perplexity}, bits/char {bits}";
        return full.Length <= width ? full : $"Valid   loss {loss} ppl {perplexity} bpc {(s.LossyTokenizer ? "n/a" : bits)}";
    }

    private static string Describe(SessionPhase phase) => phase switch
    {
        SessionPhase.LoadingCheckpoint => "loading checkpoint",
        SessionPhase.LoadingCorpus => "loading corpus",
        SessionPhase.Failed => "FAILED",
        _ => phase.ToString().ToLowerInvariant(),
    };

    private static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    private static string Clock(TimeSpan time) => time.ToString(time.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);

    private static Label Line(int row, int height = 1) => new() { X = 0, Y = row, Width = Dim.Fill(), Height = height };

    private static ProgressBar Bar(int row) => new() { X = 8, Y = row, Width = Dim.Fill(), Height = 1 };
}
