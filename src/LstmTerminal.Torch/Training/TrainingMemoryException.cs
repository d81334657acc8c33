using System.Globalization;
using LstmTerminal.Core.Training;

namespace LstmTerminal.Torch.Training;

/// <summary>The tensors of the configured model and batches do not fit in memory; the message names the settings to lower.</summary>
public sealed class TrainingMemoryException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    private const string Settings = "Lower Training:BatchSize, Training:SequenceLength, Model:RnnSize, Model:EmbeddingSize or Model:Layers.";

    /// <summary>libtorch failed to allocate; its own words, without the native stack, say how much it asked for.</summary>
    public static TrainingMemoryException From(Exception allocationFailure) =>
        new($"The tensors of these settings do not fit in memory ({TorchErrors.Summary(allocationFailure)}). {Settings}", allocationFailure);

    public static TrainingMemoryException Estimated(long neededBytes, long availableBytes) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Training with these settings needs at least {neededBytes / 1e9:F1} GB of memory, more than the {availableBytes / 1e9:F1} GB this machine has. {Settings}"));
}
