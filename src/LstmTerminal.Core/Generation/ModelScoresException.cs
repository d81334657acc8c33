namespace LstmTerminal.Core.Generation;

/// <summary>
/// The model scored the next word with NaN, which no sampler can choose from: its weights are not numbers, because the
/// checkpoint is damaged or the training that wrote it diverged.
/// </summary>
public sealed class ModelScoresException() : Exception(
    "The model's scores are not numbers (NaN), so it cannot choose a word: its checkpoint is damaged or its training diverged.");
