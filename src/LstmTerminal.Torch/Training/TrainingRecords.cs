using LstmTerminal.Core;
using LstmTerminal.Core.Checkpoints;
using LstmTerminal.Core.Records;

namespace LstmTerminal.Torch.Training;

/// <summary>
/// What a run writes for people to read, one row per step: <c>metrics.csv</c> in the checkpoint folder and, when a
/// folder is set, TensorBoard event files. A record that cannot be written is reported once as
/// <see cref="RecordFailed"/> and left off for the rest of the run; training and checkpoints go on.
/// </summary>
internal sealed class TrainingRecords(string checkpointDirectory, string? tensorBoardDirectory)
{
    private MetricsCsv? _csv;
    private TensorBoardLog? _board;

    /// <summary>Opens the records for a run that goes on from <paramref name="startStep"/>.</summary>
    public void BeginRun(long startStep, IProgress<TrainingEvent>? progress)
    {
        _csv = Try(() =>
        {
            var csv = new MetricsCsv(checkpointDirectory);
            csv.Open(startStep);
            return csv;
        }, MetricsCsv.FileName, startStep, progress);
        _board = tensorBoardDirectory is null ? null : Try(() => new TensorBoardLog(tensorBoardDirectory), "the TensorBoard log", startStep, progress);
    }

    /// <param name="validation">The epoch's validation, when the step ended one.</param>
    public void Write(StepCompleted step, ValidationPoint? validation, double learningRate, IProgress<TrainingEvent>? progress)
    {
        var row = new MetricsRow
        {
            Step = step.Step,
            Epoch = step.Epoch,
            Loss = step.Loss,
            LearningRate = learningRate,
            TokensPerSecond = step.TokensPerSecond,
            ValidationLoss = validation?.Loss,
            ValidationPerplexity = validation?.Perplexity,
            WorkingSetBytes = Environment.WorkingSet,
        };
        if (_csv is { } csv && !Try(() => csv.Append(row), MetricsCsv.FileName, step.Step, progress))
        {
            _csv = null;
        }

        if (_board is { } board && !Try(() => board.Write(row), "the TensorBoard log", step.Step, progress))
        {
            _board = null;
        }
    }

    private static bool Try(Action write, string what, long step, IProgress<TrainingEvent>? progress) =>
        Try(() =>
        {
            write();
            return true;
        }, what, step, progress);

    private static T? Try<T>(Func<T> write, string what, long step, IProgress<TrainingEvent>? progress)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            progress?.Report(new RecordFailed(step, $"Could not write {what}: {Sentence.Close(e.Message)} It is left off for the rest of this run; training goes on."));
            return default;
        }
    }
}
