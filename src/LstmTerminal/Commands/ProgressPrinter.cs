using System.Diagnostics;
using System.Globalization;
using LstmTerminal.Core.Training;
using LstmTerminal.Torch.Training;

namespace LstmTerminal.Commands;

/// <summary>Human-readable training progress for stderr: a step line every few seconds, every other event at once.</summary>
public sealed class ProgressPrinter(TextWriter error, TimeSpan stepInterval) : IProgress<TrainingEvent>
{
    private readonly Stopwatch _sinceLastStepLine = Stopwatch.StartNew();
    private bool _printedAnyStep;

    public void Report(TrainingEvent value)
    {
        var line = value switch
        {
            StepCompleted step when ShouldPrint(step) => string.Create(CultureInfo.InvariantCulture,
                $"step {step.Step}/{step.TotalSteps}  epoch {step.Epoch}/{step.Epochs}  batch {step.StepInEpoch}/{step.StepsPerEpoch}  loss {step.Loss:F4}  {step.TokensPerSecond:F0} tokens/s  elapsed {step.Elapsed:hh\\:mm\\:ss}  eta {step.Eta:hh\\:mm\\:ss}"),
            SamplesGenerated samples => string.Join(Environment.NewLine, samples.Samples.Select(s => $"sample @{samples.Step}: {s.Prime} → {s.Continuation}")),
            // The working set is read here, on the trainer's thread between validation and the next step, so
            // epochs compare at the same point of the cycle (how memory across epochs is checked).
            ValidationCompleted validation => string.Create(CultureInfo.InvariantCulture,
                $"{(validation.MidEpoch ? $"step {validation.Step} (the saved weights)" : $"epoch {validation.Epoch}")} validation loss {validation.Loss:F4}  perplexity {PerplexityText.Format(validation.Perplexity)}{Bits(validation.BitsPerCharacter)}  working set {Environment.WorkingSet / (1024.0 * 1024.0):F0} MB"),
            LearningRateLowered lowered => string.Create(CultureInfo.InvariantCulture,
                $"validation did not improve: learning rate lowered to {lowered.LearningRate:G4}"),
            CheckpointSaved saved => $"checkpoint saved at step {saved.Step}: {saved.Directory}",
            CheckpointFailed failed => $"checkpoint NOT saved at step {failed.Step}: {failed.Message}",
            BestCheckpointSaved best => string.Create(CultureInfo.InvariantCulture, $"best validation loss so far ({best.ValidationLoss:F4}): checkpoint kept in {best.Directory}"),
            RecordFailed failed => $"warning: {failed.Message}",
            _ => null,
        };
        if (line is not null)
        {
            error.WriteLine(line);
        }
    }

    /// <summary>Only when given: a lossy tokenizer's absence is explained once, in the run's last line.</summary>
    private static string Bits(double? bitsPerCharacter) =>
        bitsPerCharacter is { } bits ? string.Create(CultureInfo.InvariantCulture, $"  bits/char {bits:F3}") : "";

    private bool ShouldPrint(StepCompleted step)
    {
        if (_printedAnyStep && _sinceLastStepLine.Elapsed < stepInterval && step.StepInEpoch != step.StepsPerEpoch && step.Step != step.TotalSteps)
        {
            return false;
        }

        _printedAnyStep = true;
        _sinceLastStepLine.Restart();
        return true;
    }
}
