using System.Globalization;
using LstmTerminal.Core.Workflow;
using LstmTerminal.Torch.Workflow;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.ViewState;

/// <summary>The training panel's state: written from the session's threads, read by the UI timer.</summary>
public sealed class TrainingStatus
{
    private readonly Lock _gate = new();
    private TrainingStatusSnapshot _current = new();

    public long Version
    {
        get { lock (_gate) { return _current.Version; } }
    }

    public TrainingStatusSnapshot Snapshot()
    {
        lock (_gate)
        {
            return _current;
        }
    }

    /// <param name="detail">What the phase is about, in words.</param>
    public void Apply(SessionPhase phase, string detail) =>
        Update(s => s with { Phase = phase, Detail = TerminalText.Printable(detail), Loading = phase == SessionPhase.LoadingCorpus ? s.Loading : null });

    public void Apply(CorpusLoading loading)
    {
        var p = loading.Progress;
        var bytes = p.BytesTotal is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{Megabytes(p.BytesDone)} of {Megabytes(total)} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{Megabytes(p.BytesDone)} MB");
        Update(s => s with { Loading = $"{p.Stage} {bytes}" });
    }

    public void Apply(CheckpointOpened opened, double? smoothedLoss) => Update(s => s with
    {
        Step = opened.Step,
        SavedStep = opened.Step,
        Loss = opened.LossHistory.LastOrDefault()?.Loss,
        SmoothedLoss = smoothedLoss,
        ValidationLoss = opened.ValidationHistory.LastOrDefault()?.Loss,
        Perplexity = opened.ValidationHistory.LastOrDefault()?.Perplexity,
        ValidationBitsPerCharacter = opened.ValidationHistory.LastOrDefault()?.BitsPerCharacter,
    });

    public void Apply(TrainerReady ready, double? smoothedLoss) => Update(s => s with
    {
        SmoothedLoss = smoothedLoss,
        Corpus = TerminalText.Printable(ready.CorpusTitle),
        Words = ready.Words,
        Tokenizer = TerminalText.Printable(ready.Tokenizer),
        VocabularySize = ready.VocabularySize,
        UnknownRate = ready.UnknownRate,
        LossyTokenizer = ready.LossyTokenizer,
        Epochs = ready.Epochs,
        Windows = ready.StepsPerEpoch,
        Epoch = (int)Math.Min(ready.Epochs, ready.Step / ready.StepsPerEpoch + 1),
        Window = (int)(ready.Step % ready.StepsPerEpoch),
        Step = ready.Step,
        TotalSteps = ready.TotalSteps,
        Loss = ready.LossHistory.LastOrDefault()?.Loss,
        ValidationLoss = ready.ValidationHistory.LastOrDefault()?.Loss,
        Perplexity = ready.ValidationHistory.LastOrDefault()?.Perplexity,
        ValidationBitsPerCharacter = ready.ValidationHistory.LastOrDefault()?.BitsPerCharacter,
    });

    public void Apply(StepCompleted step, double smoothedLoss) => Update(s => s with
    {
        Epoch = step.Epoch,
        Epochs = step.Epochs,
        Window = step.StepInEpoch,
        Windows = step.StepsPerEpoch,
        Step = step.Step,
        TotalSteps = step.TotalSteps,
        Loss = step.Loss,
        SmoothedLoss = smoothedLoss,
        TokensPerSecond = step.TokensPerSecond,
        Elapsed = step.Elapsed,
        Eta = step.Eta,
    });

    public void Apply(ValidationCompleted validation) =>
        Update(s => s with { ValidationLoss = validation.Loss, Perplexity = validation.Perplexity, ValidationBitsPerCharacter = validation.BitsPerCharacter });

    public void Apply(CheckpointSaved saved) => Update(s => s with { SavedStep = saved.Step });

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("F1", CultureInfo.InvariantCulture);

    private void Update(Func<TrainingStatusSnapshot, TrainingStatusSnapshot> change)
    {
        lock (_gate)
        {
            _current = change(_current) with { Version = _current.Version + 1 };
        }
    }
}
