using LstmTerminal.Core.Records;
using TorchSharp.Modules;
using static TorchSharp.torch.utils;

namespace LstmTerminal.Torch.Training;

/// <summary>The training scalars as TensorBoard event files (TorchSharp's <see cref="SummaryWriter"/>; one new file per run).</summary>
internal sealed class TensorBoardLog(string directory)
{
    public const string TrainingLoss = "loss/train";
    public const string ValidationLoss = "loss/validation";
    public const string ValidationPerplexity = "perplexity/validation";
    public const string LearningRate = "learning_rate";
    public const string TokensPerSecond = "tokens_per_second";

    private readonly SummaryWriter _writer = tensorboard.SummaryWriter(directory);

    /// <exception cref="IOException">The event file cannot be written.</exception>
    public void Write(MetricsRow row)
    {
        // The writer's steps are 32-bit; it stamps each event with the time itself.
        var step = (int)Math.Min(row.Step, int.MaxValue);
        _writer.add_scalar(TrainingLoss, (float)row.Loss, step);
        _writer.add_scalar(LearningRate, (float)row.LearningRate, step);
        _writer.add_scalar(TokensPerSecond, (float)row.TokensPerSecond, step);
        if (row.ValidationLoss is { } loss)
        {
            _writer.add_scalar(ValidationLoss, (float)loss, step);
        }

        if (row.ValidationPerplexity is { } perplexity)
        {
            _writer.add_scalar(ValidationPerplexity, (float)perplexity, step);
        }
    }
}
